package dev.parley.session.sip;

import java.util.HashMap;
import java.util.Map;

/**
 * The dialogs of every session, one row per dialog in primitive columns instead of one {@link SipDialog} object and
 * row array each ({@link SipDialog} is a view made on demand, see {@link CallTable} for why). A session keeps its
 * newest dialog's number; each dialog the number of the same session's dialog before it. Which dialog a message
 * belongs to is a column of the message table ({@link MessageTable#dialog}). An evicted session's dialogs are given
 * back and their numbers reused. Written by {@link DialogTracker} only.
 */
final class DialogTable {
    private static final SipDialog.State[] STATES = SipDialog.State.values();
    private static final int REMOTE_SHIFT = 8;
    private static final int STATE_SHIFT = 16;

    private final PagedColumn.Numbers numbers = new PagedColumn.Numbers();
    /** Local tag slot, remote tag slot << 8, state << 16. */
    private final PagedColumn.Ints bits = new PagedColumn.Ints();
    private final PagedColumn.Ints before = new PagedColumn.Ints();
    private final PagedColumn.Longs created = new PagedColumn.Longs();
    private final PagedColumn.Longs confirmed = new PagedColumn.Longs();
    private final PagedColumn.Longs terminated = new PagedColumn.Longs();
    /** Tags past the session's slots (TAG_OVERFLOW) as text; key dialog * 2 + (0 local, 1 remote). */
    private final Map<Long, String> overflowTags = new HashMap<>();

    /** A new dialog of a session whose newest dialog is {@code before} (-1: none); returns its number. */
    int add(int before, int localSlot, String localText, int remoteSlot, String remoteText, SipDialog.State state,
            long nanos) {
        int d = numbers.take();
        bits.set(d, localSlot | remoteSlot << REMOTE_SHIFT | state.ordinal() << STATE_SHIFT);
        this.before.set(d, before);
        created.set(d, nanos);
        confirmed.set(d, state == SipDialog.State.CONFIRMED ? nanos : -1);
        terminated.set(d, -1);
        if (localSlot == MessageTable.TAG_OVERFLOW) {
            overflowTags.put(d * 2L, localText);
        }
        if (remoteSlot == MessageTable.TAG_OVERFLOW) {
            overflowTags.put(d * 2L + 1, remoteText);
        }
        return d;
    }

    /** Gives an evicted session's dialog back; its number will be reused. */
    void release(int d) {
        if (!overflowTags.isEmpty()) {
            overflowTags.remove(d * 2L);
            overflowTags.remove(d * 2L + 1);
        }
        numbers.giveBack(d);
    }

    /** The same session's dialog made before {@code d}, -1 for its first. */
    int before(int d) {
        return before.get(d);
    }

    /** Same dialog whichever side sent the message (the tags swap between From and To). */
    boolean matches(SipSession session, int d, int fromSlot, String fromTag, int toSlot, String toTag) {
        int local = localSlot(d);
        int remote = remoteSlot(d);
        String localText = localText(d, local);
        String remoteText = remoteText(d, remote);
        return (TagSlots.same(session, local, localText, fromSlot, fromTag)
                && TagSlots.same(session, remote, remoteText, toSlot, toTag))
                || (TagSlots.same(session, local, localText, toSlot, toTag)
                && TagSlots.same(session, remote, remoteText, fromSlot, fromTag));
    }

    int localSlot(int d) {
        return bits.get(d) & 0xFF;
    }

    int remoteSlot(int d) {
        return (bits.get(d) >>> REMOTE_SHIFT) & 0xFF;
    }

    /** The local tag's text when its slot is TAG_OVERFLOW, else null. */
    String localText(int d, int slot) {
        return slot == MessageTable.TAG_OVERFLOW ? overflowTags.get(d * 2L) : null;
    }

    String remoteText(int d, int slot) {
        return slot == MessageTable.TAG_OVERFLOW ? overflowTags.get(d * 2L + 1) : null;
    }

    SipDialog.State state(int d) {
        return STATES[bits.get(d) >>> STATE_SHIFT];
    }

    private void state(int d, SipDialog.State state) {
        bits.set(d, (bits.get(d) & ((1 << STATE_SHIFT) - 1)) | state.ordinal() << STATE_SHIFT);
    }

    void confirm(int d, long nanos) {
        if (state(d) == SipDialog.State.EARLY) {
            state(d, SipDialog.State.CONFIRMED);
            confirmed.set(d, nanos);
        }
    }

    void terminate(int d, long nanos) {
        if (state(d) != SipDialog.State.TERMINATED) {
            state(d, SipDialog.State.TERMINATED);
            terminated.set(d, nanos);
        }
    }

    long created(int d) {
        return created.get(d);
    }

    long confirmed(int d) {
        return confirmed.get(d);
    }

    long terminated(int d) {
        return terminated.get(d);
    }
}
