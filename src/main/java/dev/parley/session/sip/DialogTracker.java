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

    static void update(MessageFacts f) {
        SipSession session = f.session;
        boolean request = f.request;
        String method = f.viewMethod();
        int code = f.status;
        long t = f.nanos;
        // slot 0: no tag; the texts are only given for tags past the slots (see TagSlots)
        if (f.fromSlot != 0 && f.toSlot != 0 && method != null) {
            SipDialog d = find(session, f.fromSlot, f.fromText, f.toSlot, f.toText);
            if (d == null) {
                if (request && livesInDialog(method)) { // the capture joined the dialog late
                    d = newDialog(session, f, SipDialog.State.CONFIRMED);
                } else if (!request && formsDialog(method) && code > 100 && code < 300) {
                    d = newDialog(session, f, code < 200 ? SipDialog.State.EARLY : SipDialog.State.CONFIRMED);
                }
            }
            if (d != null) {
                d.add(f.row);
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
            int req = session.table().transactions.request(f.tx);
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

    private static SipDialog newDialog(SipSession session, MessageFacts f, SipDialog.State state) {
        if (session.dialogs.isEmpty()) {
            session.dialogs = new ArrayList<>(2);
        }
        SipDialog d = new SipDialog(session, f.fromSlot, f.fromText, f.toSlot, f.toText, state, f.nanos);
        session.dialogs.add(d);
        return d;
    }
}
