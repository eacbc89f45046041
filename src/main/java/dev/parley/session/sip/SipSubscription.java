package dev.parley.session.sip;

import dev.parley.decode.sip.SipSummary;

/**
 * An event subscription or publication (SUBSCRIBE / NOTIFY / PUBLISH, RFC 6665 and 3903). The state comes from the
 * responses, since the Subscription-State header is not among the scanned fields.
 */
public final class SipSubscription {

    /** PENDING until accepted; ACTIVE after a 2xx (or a NOTIFY); TERMINATED by expires 0 or 481; FAILED otherwise. */
    public enum State { PENDING, ACTIVE, TERMINATED, FAILED }

    private final String eventPackage = null; // the Event header is not scanned yet
    private State state = State.PENDING;
    private int notifies;
    private boolean unsubscribing;
    private int lastStatus = -1;

    SipSubscription() {
    }

    void update(SipMessageRef m, SipSummary s) {
        String method = m.request() ? m.method() : m.cseqMethod();
        boolean subscribeLike = "SUBSCRIBE".equals(method) || "PUBLISH".equals(method);
        if (m.request()) {
            if (subscribeLike) {
                unsubscribing = s.expires() == 0;
            } else if ("NOTIFY".equals(method) && !m.resent()) {
                notifies++;
                if (state == State.PENDING) {
                    state = State.ACTIVE;
                }
            }
            return;
        }
        int code = m.statusCode();
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

    /** The Event package; null because the scanner does not extract the Event header. */
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
