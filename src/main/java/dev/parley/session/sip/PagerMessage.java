package dev.parley.session.sip;

/**
 * One SIP MESSAGE (RFC 3428 pager mode): sender, recipient, a text preview and how it was answered.
 */
public final class PagerMessage {
    private final SipSession session;
    private final int request; // message rows
    private int response = -1;
    private final String from;
    private final String to;
    private final String fromDisplay;
    private final String text;

    PagerMessage(SipMessageRef request, String from, String to, String fromDisplay, String text) {
        this.session = request.session();
        this.request = request.index();
        this.from = from;
        this.to = to;
        this.fromDisplay = fromDisplay;
        this.text = text;
    }

    /** The first final response (its message row) answers it. */
    void answer(int finalResponseRow) {
        if (response < 0) {
            response = finalResponseRow;
        }
    }

    public SipMessageRef request() {
        return new SipMessageRef(session, request);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String fromDisplay() {
        return fromDisplay;
    }

    /** First characters of a text body (text/plain or CPIM), or null for other bodies (e.g. 3GPP SMS). */
    public String text() {
        return text;
    }

    /** The first final response, or null when none was captured. */
    public SipMessageRef response() {
        return response < 0 ? null : new SipMessageRef(session, response);
    }

    /** Final status (200, 202, 4xx...), -1 when unanswered. */
    public int deliveryStatus() {
        return response < 0 ? -1 : session.table().status(response);
    }

    /** True when a 2xx accepted the message. */
    public boolean delivered() {
        int s = deliveryStatus();
        return s >= 200 && s < 300;
    }
}
