package dev.parley.session.sip;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dialog: Call-ID plus the two tags (RFC 3261 section 12). Responses of several forks to one INVITE, with different
 * To tags, make separate early dialogs; a 2xx confirms one. Tags are kept as the initial request named them:
 * {@link #localTag()} is the From tag of the dialog-creating request, {@link #remoteTag()} the To tag of the answer.
 * A view over the dialog's row of the {@link DialogTable}, made on demand: its getters read the row as it is now.
 */
public final class SipDialog {

    /** RFC 3261 dialog states, plus TERMINATED once a BYE or a failure ended it. */
    public enum State { EARLY, CONFIRMED, TERMINATED }

    private final SipSession session;
    private final int d;

    SipDialog(SipSession session, int d) {
        this.session = session;
        this.d = d;
    }

    private DialogTable dialogs() {
        return session.table().dialogs;
    }

    public String callId() {
        return session.callId();
    }

    public String localTag() {
        int slot = dialogs().localSlot(d);
        return slot == MessageTable.TAG_OVERFLOW ? dialogs().localText(d, slot) : session.slotTag(slot);
    }

    public String remoteTag() {
        int slot = dialogs().remoteSlot(d);
        return slot == MessageTable.TAG_OVERFLOW ? dialogs().remoteText(d, slot) : session.slotTag(slot);
    }

    public State state() {
        return dialogs().state(d);
    }

    public long createdNanos() {
        return dialogs().created(d);
    }

    /** When a 2xx confirmed the dialog, -1 if never. */
    public long confirmedNanos() {
        return dialogs().confirmed(d);
    }

    /** When a BYE or a failure ended it, -1 if never. */
    public long terminatedNanos() {
        return dialogs().terminated(d);
    }

    /** Messages that carried both tags of this dialog, in capture order (the rows as they are now). */
    public List<SipMessageRef> messages() {
        MessageTable table = session.table();
        int n = session.rowCount();
        int[] rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int row = session.row(i);
            if (table.dialog(row) == d) {
                rows[count++] = row;
            }
        }
        int[] mine = Arrays.copyOf(rows, count);
        return new AbstractList<>() {
            @Override
            public SipMessageRef get(int i) {
                Objects.checkIndex(i, mine.length);
                return new SipMessageRef(session, mine[i]);
            }

            @Override
            public int size() {
                return mine.length;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipDialog other && other.session == session && other.d == d;
    }

    @Override
    public int hashCode() {
        return session.hashCode() * 31 + d;
    }

    @Override
    public String toString() {
        return "Dialog[" + callId() + " " + localTag() + "/" + remoteTag() + " " + state() + "]";
    }
}
