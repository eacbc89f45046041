package dev.parley.session.sip;

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
            DialogTable dialogs = session.table().dialogs;
            int d = find(session, dialogs, f.fromSlot, f.fromText, f.toSlot, f.toText);
            if (d < 0) {
                if (request && livesInDialog(method)) { // the capture joined the dialog late
                    d = newDialog(session, f, SipDialog.State.CONFIRMED);
                } else if (!request && formsDialog(method) && code > 100 && code < 300) {
                    d = newDialog(session, f, code < 200 ? SipDialog.State.EARLY : SipDialog.State.CONFIRMED);
                }
            }
            if (d >= 0) {
                session.table().dialog(f.row, d);
                if (!request && code >= 200 && code < 300 && formsDialog(method)) {
                    dialogs.confirm(d, t);
                } else if (request && "BYE".equals(method)) {
                    dialogs.terminate(d, t);
                } else if (!request && code == 481) {
                    dialogs.terminate(d, t);
                }
            }
        }
        if (!request && code >= 300 && "INVITE".equals(method)) {
            int req = session.table().transactions.request(f.tx);
            if (req < 0 || session.table().toSlot(req) == 0) {
                DialogTable dialogs = session.table().dialogs;
                // a failed initial INVITE ends every early dialog of its forks
                for (int d = session.lastDialog(); d >= 0; d = dialogs.before(d)) {
                    if (dialogs.state(d) == SipDialog.State.EARLY) {
                        dialogs.terminate(d, t);
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

    /** The session's dialog with these tags, -1 when none (at most one has them: one is made only when none has). */
    private static int find(SipSession session, DialogTable dialogs, int fromSlot, String fromTag, int toSlot,
                            String toTag) {
        for (int d = session.lastDialog(); d >= 0; d = dialogs.before(d)) {
            if (dialogs.matches(session, d, fromSlot, fromTag, toSlot, toTag)) {
                return d;
            }
        }
        return -1;
    }

    private static int newDialog(SipSession session, MessageFacts f, SipDialog.State state) {
        int d = session.table().dialogs.add(session.lastDialog(), f.fromSlot, f.fromText, f.toSlot, f.toText, state,
                f.nanos);
        session.lastDialog(d);
        return d;
    }
}
