package dev.parley.session.sip;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dialog: Call-ID plus the two tags (RFC 3261 section 12). Responses of several forks to one INVITE, with different
 * To tags, make separate early dialogs; a 2xx confirms one. Tags are kept as the initial request named them:
 * {@link #localTag()} is the From tag of the dialog-creating request, {@link #remoteTag()} the To tag of the answer.
 * Tags are the session's tag slots; messages are rows of the correlator's message table.
 */
public final class SipDialog {

    /** RFC 3261 dialog states, plus TERMINATED once a BYE or a failure ended it. */
    public enum State { EARLY, CONFIRMED, TERMINATED }

    private final SipSession session;
    private final int localSlot;
    private final int remoteSlot;
    private final String localText; // only for a tag past the session's slots
    private final String remoteText;
    private final long createdNanos;
    private State state;
    private long confirmedNanos = -1;
    private long terminatedNanos = -1;
    private int[] rows = new int[4];
    private int count;

    SipDialog(SipSession session, int localSlot, String localTag, int remoteSlot, String remoteTag, State state,
              long createdNanos) {
        this.session = session;
        this.localSlot = localSlot;
        this.remoteSlot = remoteSlot;
        this.localText = localSlot == MessageTable.TAG_OVERFLOW ? localTag : null;
        this.remoteText = remoteSlot == MessageTable.TAG_OVERFLOW ? remoteTag : null;
        this.state = state;
        this.createdNanos = createdNanos;
        if (state == State.CONFIRMED) {
            confirmedNanos = createdNanos;
        }
    }

    /** Same dialog whichever side sent the message (the tags swap between From and To). */
    boolean matches(int fromSlot, String fromTag, int toSlot, String toTag) {
        return (TagSlots.same(session, localSlot, localText, fromSlot, fromTag)
                && TagSlots.same(session, remoteSlot, remoteText, toSlot, toTag))
                || (TagSlots.same(session, localSlot, localText, toSlot, toTag)
                && TagSlots.same(session, remoteSlot, remoteText, fromSlot, fromTag));
    }

    void add(int row) {
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, count * 2 + 2);
        }
        rows[count++] = row;
    }

    void confirm(long nanos) {
        if (state == State.EARLY) {
            state = State.CONFIRMED;
            confirmedNanos = nanos;
        }
    }

    void terminate(long nanos) {
        if (state != State.TERMINATED) {
            state = State.TERMINATED;
            terminatedNanos = nanos;
        }
    }

    public String callId() {
        return session.callId();
    }

    public String localTag() {
        return localSlot == MessageTable.TAG_OVERFLOW ? localText : session.slotTag(localSlot);
    }

    public String remoteTag() {
        return remoteSlot == MessageTable.TAG_OVERFLOW ? remoteText : session.slotTag(remoteSlot);
    }

    public State state() {
        return state;
    }

    public long createdNanos() {
        return createdNanos;
    }

    /** When a 2xx confirmed the dialog, -1 if never. */
    public long confirmedNanos() {
        return confirmedNanos;
    }

    /** When a BYE or a failure ended it, -1 if never. */
    public long terminatedNanos() {
        return terminatedNanos;
    }

    void trim() {
        rows = Arrays.copyOf(rows, count);
    }

    /** Messages that carried both tags of this dialog, in capture order. */
    public List<SipMessageRef> messages() {
        return new AbstractList<>() { // a live read-only view
            @Override
            public SipMessageRef get(int i) {
                Objects.checkIndex(i, count);
                return new SipMessageRef(session, rows[i]);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    @Override
    public String toString() {
        return "Dialog[" + callId() + " " + localTag() + "/" + remoteTag() + " " + state + "]";
    }
}
