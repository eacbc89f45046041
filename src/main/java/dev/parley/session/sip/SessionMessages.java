package dev.parley.session.sip;

import java.util.AbstractList;
import java.util.Objects;

/** The live read-only list of a session's messages, made of refs on demand. */
final class SessionMessages extends AbstractList<SipMessageRef> {
    private final SipSession session;

    SessionMessages(SipSession session) {
        this.session = session;
    }

    @Override
    public SipMessageRef get(int i) {
        Objects.checkIndex(i, session.rowCount());
        return new SipMessageRef(session, session.row(i));
    }

    @Override
    public int size() {
        return session.rowCount();
    }
}
