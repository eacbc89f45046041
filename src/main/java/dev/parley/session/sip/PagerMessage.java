package dev.parley.session.sip;

/**
 * One SIP MESSAGE (RFC 3428 pager mode): sender, recipient, a text preview and how it was answered.
 */
public final class PagerMessage {
    private final SipMessageRef request;
    private final String from;
    private final String to;
    private final String fromDisplay;
    private final String text;
    private SipMessageRef response;

    PagerMessage(SipMessageRef request, String from, String to, String fromDisplay, String text) {
        this.request = request;
        this.from = from;
        this.to = to;
        this.fromDisplay = fromDisplay;
        this.text = text;
    }

    void answer(SipMessageRef finalResponse) {
        if (response == null) {
            response = finalResponse;
        }
    }

    public SipMessageRef request() {
        return request;
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
        return response;
    }

    /** Final status (200, 202, 4xx...), -1 when unanswered. */
    public int deliveryStatus() {
        return response == null ? -1 : response.statusCode();
    }

    /** True when a 2xx accepted the message. */
    public boolean delivered() {
        int s = deliveryStatus();
        return s >= 200 && s < 300;
    }
}
