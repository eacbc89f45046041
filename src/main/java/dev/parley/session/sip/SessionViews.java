package dev.parley.session.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds each message of a session to the views that fit its method: the call (kind CALL), the registration, the
 * pager messages and the subscription. The session holds the views; this class holds the rules.
 */
final class SessionViews {
    private SessionViews() {
    }

    static void update(MessageFacts f, Interner people) {
        SipSession session = f.session;
        if (session.kind() == SessionKind.CALL) {
            if (session.call == null) {
                session.call = new SipCall();
            }
            CallTracker.update(session.call, f, people);
        }
        String method = f.viewMethod();
        if (method == null) {
            return;
        }
        switch (method) {
            case "REGISTER":
                if (session.registration == null) {
                    session.registration = new SipRegistration();
                }
                session.registration.update(f, people);
                break;
            case "MESSAGE":
                updatePager(f, people);
                break;
            case "SUBSCRIBE": case "NOTIFY": case "PUBLISH":
                SessionExtras x = session.extras();
                if (x.subscription == null) {
                    x.subscription = new SipSubscription();
                }
                x.subscription.update(f);
                break;
            default:
                break;
        }
    }

    private static void updatePager(MessageFacts f, Interner people) {
        SipSession session = f.session;
        if (f.request) {
            if (session.table().transactions.request(f.tx) == f.row) { // not a retransmission
                if (session.pagerMessages.isEmpty()) {
                    session.pagerMessages = new ArrayList<>(1);
                }
                session.pagerMessages.add(new PagerMessage(f.ref(), people.intern(f.sip.fromUser()),
                        people.intern(f.sip.toUser()), people.intern(f.sip.fromDisplay()), f.sip.textPreview()));
            }
            return;
        }
        if (f.status < 200) {
            return;
        }
        List<PagerMessage> pager = session.pagerMessages;
        for (int i = pager.size() - 1; i >= 0; i--) {
            PagerMessage p = pager.get(i);
            if (p.request().cseq() == f.cseq) {
                p.answer(f.row);
                return;
            }
        }
    }
}
