package dev.parley.session.sip;


/**
 * An event subscription or publication (SUBSCRIBE / NOTIFY / PUBLISH, RFC 6665 and 3903): its event package (Event
 * header) and state, from the Subscription-State header of NOTIFYs when present, else from the responses.
 */
public final class SipSubscription {

    /** PENDING until accepted; ACTIVE after a 2xx (or a NOTIFY); TERMINATED by expires 0 or 481; FAILED otherwise. */
    public enum State { PENDING, ACTIVE, TERMINATED, FAILED }

    private String eventPackage;
    private State state = State.PENDING;
    private int notifies;
    private boolean unsubscribing;
    private int lastStatus = -1;

    SipSubscription() {
    }

    void update(MessageFacts f) {
        if (eventPackage == null && f.event() != null) {
            eventPackage = f.event().intern(); // a handful of packages repeat across all Call-IDs
        }
        String method = f.viewMethod();
        boolean subscribeLike = "SUBSCRIBE".equals(method) || "PUBLISH".equals(method);
        if (f.request) {
            if (subscribeLike) {
                unsubscribing = f.expires() == 0;
            } else if ("NOTIFY".equals(method) && !f.resent) {
                notifies++;
                State told = fromHeader(f.subscriptionState());
                if (told != null) {
                    state = told;
                } else if (state == State.PENDING) {
                    state = State.ACTIVE;
                }
            }
            return;
        }
        int code = f.status;
        if (code < 200 || !(subscribeLike || "NOTIFY".equals(method))) {
            return;
        }
        lastStatus = code;
        if (code == 481) {
            state = State.TERMINATED;
        } else if (code < 300) {
            if (subscribeLike) {
                state = unsubscribing ? State.TERMINATED : State.ACTIVE;
            }
        } else if (subscribeLike && code != 401 && code != 407 && state != State.ACTIVE) {
            state = State.FAILED;
        }
    }

    /** RFC 6665 section 4.1.3: the notifier says where the subscription stands; null for an unknown value. */
    private static State fromHeader(String value) {
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "active": return State.ACTIVE;
            case "pending": return State.PENDING;
            case "terminated": return State.TERMINATED;
            default: return null;
        }
    }

    /** The Event package ("presence", "reg", "dialog"...) of the first message that named one, or null. */
    public String eventPackage() {
        return eventPackage;
    }

    public State state() {
        return state;
    }

    /** NOTIFY requests seen (retransmissions excluded). */
    public int notifies() {
        return notifies;
    }

    /** Last final response to SUBSCRIBE, PUBLISH or NOTIFY, -1 if none. */
    public int lastStatus() {
        return lastStatus;
    }
}
