package dev.parley.session.sip;

import java.util.ArrayList;

/**
 * Keeps the dialogs of a session up to date as its messages come: creates early and confirmed dialogs from the
 * responses that form them (or from an in-dialog request when the capture joined late), adds each message to its
 * dialog, and confirms or terminates dialogs.
 */
final class DialogTracker {
    private DialogTracker() {
    }

    static void update(SipSession session, SipMessageRef m, int row, int fromSlot, String fromTag, int toSlot,
                       String toTag, boolean request, String requestMethod, String cseqMethod, int code,
                       int tx) {
        String method = request ? requestMethod : cseqMethod;
        long t = m.timestampNanos();
        // slot 0: no tag; the texts are only given for tags past the slots (see TagSlots)
        if (fromSlot != 0 && toSlot != 0 && method != null) {
            SipDialog d = find(session, fromSlot, fromTag, toSlot, toTag);
            if (d == null) {
                if (request && livesInDialog(method)) { // the capture joined the dialog late
                    d = newDialog(session, fromSlot, fromTag, toSlot, toTag, SipDialog.State.CONFIRMED, t);
                } else if (!request && formsDialog(method) && code > 100 && code < 300) {
                    d = newDialog(session, fromSlot, fromTag, toSlot, toTag,
                            code < 200 ? SipDialog.State.EARLY : SipDialog.State.CONFIRMED, t);
                }
            }
            if (d != null) {
                d.add(row);
                if (!request && code >= 200 && code < 300 && formsDialog(method)) {
                    d.confirm(t);
                } else if (request && "BYE".equals(method)) {
                    d.terminate(t);
                } else if (!request && code == 481) {
                    d.terminate(t);
                }
            }
        }
        if (!request && code >= 300 && "INVITE".equals(method)) {
            int req = session.table().transactions.request(tx);
            if (req < 0 || session.table().toSlot(req) == 0) {
                for (SipDialog d : session.dialogs) { // a failed initial INVITE ends every early dialog of its forks
                    if (d.state() == SipDialog.State.EARLY) {
                        d.terminate(t);
                    }
                }
            }
        }
    }

    private static boolean formsDialog(String method) {
        return "INVITE".equals(method) || "SUBSCRIBE".equals(method) || "REFER".equals(method)
                || "NOTIFY".equals(method);
    }

    private static boolean livesInDialog(String method) {
        return !("REGISTER".equals(method) || "OPTIONS".equals(method) || "MESSAGE".equals(method)
                || "PUBLISH".equals(method) || "CANCEL".equals(method));
    }

    private static SipDialog find(SipSession session, int fromSlot, String fromTag, int toSlot, String toTag) {
        java.util.List<SipDialog> dialogs = session.dialogs;
        for (int i = 0; i < dialogs.size(); i++) { // indexed: no iterator per message
            SipDialog d = dialogs.get(i);
            if (d.matches(fromSlot, fromTag, toSlot, toTag)) {
                return d;
            }
        }
        return null;
    }

    private static SipDialog newDialog(SipSession session, int fromSlot, String fromTag, int toSlot, String toTag,
                                       SipDialog.State state, long nanos) {
        if (session.dialogs.isEmpty()) {
            session.dialogs = new ArrayList<>(2);
        }
        SipDialog d = new SipDialog(session, fromSlot, fromTag, toSlot, toTag, state, nanos);
        session.dialogs.add(d);
        return d;
    }
}
