package dev.parley.session.sip;

/**
 * Feeds each message of a session to the views that fit its method: the call (kind CALL), the registration, the
 * pager messages and the subscription. The session holds the views; this class holds the rules.
 */
final class SessionViews {
    private SessionViews() {
    }

    static void update(MessageFacts f, Interner people) {
        SipSession session = f.session;
        MessageTable table = session.table();
        if (session.kind() == SessionKind.CALL) {
            if (session.call < 0) {
                session.call = table.calls.add();
            }
            CallTracker.update(table.calls, session.call, f, people);
        }
        String method = f.viewMethod();
        if (method == null) {
            return;
        }
        switch (method) {
            case "REGISTER":
                if (session.registration < 0) {
                    session.registration = table.registrations.add();
                }
                table.registrations.update(session.registration, f, people);
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
        MessageTable table = session.table();
        PagerTable pager = table.pager;
        if (f.request) {
            if (table.transactions.request(f.tx) == f.row) { // not a retransmission
                session.lastPager = pager.add(session.lastPager, f.row, f.fromUser(people), f.toUser(people),
                        f.fromDisplay(people), f.textPreview());
            }
            return;
        }
        if (f.status < 200) {
            return;
        }
        for (int p = session.lastPager; p >= 0; p = pager.before(p)) {
            if (table.transactions.cseq(table.transaction(pager.request(p))) == f.cseq) {
                pager.answer(p, f.row);
                return;
            }
        }
    }
}
