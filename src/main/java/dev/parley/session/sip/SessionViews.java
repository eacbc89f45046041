package dev.parley.session.sip;

import dev.parley.decode.sip.SipSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds each message of a session to the views that fit its method: the call (kind CALL), the registration, the
 * pager messages and the subscription. The session holds the views; this class holds the rules.
 */
final class SessionViews {
    private SessionViews() {
    }

    static void update(SipSession session, SipMessageRef m, SipSummary s, Interner people) {
        if (session.kind() == SessionKind.CALL) {
            if (session.call == null) {
                session.call = new SipCall();
            }
            CallTracker.update(session.call, m, s, people);
        }
        String method = m.request() ? m.method() : m.cseqMethod();
        if (method == null) {
            return;
        }
        switch (method) {
            case "REGISTER":
                if (session.registration == null) {
                    session.registration = new SipRegistration();
                }
                session.registration.update(m, s, people);
                break;
            case "MESSAGE":
                updatePager(session, m, s, people);
                break;
            case "SUBSCRIBE": case "NOTIFY": case "PUBLISH":
                SessionExtras x = session.extras();
                if (x.subscription == null) {
                    x.subscription = new SipSubscription();
                }
                x.subscription.update(m, s);
                break;
            default:
                break;
        }
    }

    private static void updatePager(SipSession session, SipMessageRef m, SipSummary s, Interner people) {
        if (m.request()) {
            if (m.transaction().requestRow() == m.index()) { // not a retransmission
                if (session.pagerMessages.isEmpty()) {
                    session.pagerMessages = new ArrayList<>(1);
                }
                session.pagerMessages.add(new PagerMessage(m, people.intern(s.fromUser()), people.intern(s.toUser()),
                        people.intern(s.fromDisplay()), s.textPreview()));
            }
            return;
        }
        if (m.statusCode() < 200) {
            return;
        }
        List<PagerMessage> pager = session.pagerMessages;
        for (int i = pager.size() - 1; i >= 0; i--) {
            PagerMessage p = pager.get(i);
            if (p.request().cseq() == m.cseq()) {
                p.answer(m);
                return;
            }
        }
    }
}
