package dev.parley.session.sip;

/**
 * One SIP MESSAGE (RFC 3428 pager mode): sender, recipient, a text preview and how it was answered. A view over its
 * row of the {@link PagerTable}, made on demand.
 */
public final class PagerMessage {
    private final SipSession session;
    private final int p;

    PagerMessage(SipSession session, int p) {
        this.session = session;
        this.p = p;
    }

    private PagerTable pager() {
        return session.table().pager;
    }

    public SipMessageRef request() {
        return new SipMessageRef(session, pager().request(p));
    }

    public String from() {
        return pager().from(p);
    }

    public String to() {
        return pager().to(p);
    }

    public String fromDisplay() {
        return pager().fromDisplay(p);
    }

    /** First characters of a text body (text/plain or CPIM), or null for other bodies (e.g. 3GPP SMS). */
    public String text() {
        return pager().text(p);
    }

    /** The first final response, or null when none was captured. */
    public SipMessageRef response() {
        int row = pager().response(p);
        return row < 0 ? null : new SipMessageRef(session, row);
    }

    /** Final status (200, 202, 4xx...), -1 when unanswered. */
    public int deliveryStatus() {
        int row = pager().response(p);
        return row < 0 ? -1 : session.table().status(row);
    }

    /** True when a 2xx accepted the message. */
    public boolean delivered() {
        int s = deliveryStatus();
        return s >= 200 && s < 300;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PagerMessage other && other.session == session && other.p == p;
    }

    @Override
    public int hashCode() {
        return session.hashCode() * 31 + p;
    }
}
