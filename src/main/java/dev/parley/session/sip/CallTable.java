package dev.parley.session.sip;

import dev.parley.decode.Endpoint;
import java.util.HashMap;
import java.util.Map;

/**
 * The call views of every INVITE session, one row per call in primitive columns instead of one {@link SipCall} object
 * each (a {@link SipCall} is a view made on demand over its row): a big capture holds some 10^5 calls, and the objects
 * and arrays of each were what the collector copied most while loading (docs/DESIGN-NOTES.md notes 26 and 27). The
 * state changes of all calls share three columns, chained call by call. Written by {@link CallTracker} only.
 */
final class CallTable {
    static final CallState[] STATES = CallState.values();
    private static final SipCall.Party[] PARTIES = SipCall.Party.values();
    private static final int STATE_MASK = 0xF;
    private static final int ENDED_BY_SHIFT = 4; // 0: not ended, else party ordinal + 1
    private static final int OPEN_AT_END = 1 << 6;
    private static final int TAG_SHIFT = 8; // the caller's From tag slot

    private int count;
    private final PagedColumn.Ints bits = new PagedColumn.Ints();
    // the times (-1: not seen) and the initial INVITE's CSeq, read and written by CallTracker as they are
    final PagedColumn.Longs start = new PagedColumn.Longs();
    final PagedColumn.Longs ring = new PagedColumn.Longs();
    final PagedColumn.Longs answer = new PagedColumn.Longs();
    final PagedColumn.Longs end = new PagedColumn.Longs();
    final PagedColumn.Longs last = new PagedColumn.Longs();
    final PagedColumn.Longs inviteCseq = new PagedColumn.Longs();
    private final PagedColumn.Ints reInvites = new PagedColumn.Ints();
    private final PagedColumn.Refs<String> caller = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> callee = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> callerDisplay = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> endReason = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> reasonHeader = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<Endpoint> callerEndpoint = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<Endpoint> calleeEndpoint = new PagedColumn.Refs<>();
    /** The caller's From tag as text, only when its slot is past the session's slots (TAG_OVERFLOW). */
    private final Map<Integer, String> callerTagText = new HashMap<>();
    // the timeline: per call its newest change + 1 (0: none) and count; per change its time, state << 32 | message
    // row, and the same call's change before it
    private final PagedColumn.Ints newestChange = new PagedColumn.Ints();
    private final PagedColumn.Ints changeCount = new PagedColumn.Ints();
    private final PagedColumn.Longs changeNanos = new PagedColumn.Longs();
    private final PagedColumn.Longs changeWhat = new PagedColumn.Longs();
    private final PagedColumn.Ints changeBefore = new PagedColumn.Ints();
    private int changes;

    /** A new call in CALL_SETUP, nothing seen yet; returns its number. Every column is written (none reads unset). */
    int add() {
        int c = count++;
        bits.set(c, CallState.CALL_SETUP.ordinal());
        start.set(c, -1);
        ring.set(c, -1);
        answer.set(c, -1);
        end.set(c, -1);
        last.set(c, -1);
        inviteCseq.set(c, -1);
        reInvites.set(c, 0);
        newestChange.set(c, 0);
        changeCount.set(c, 0);
        parties(c, null, null, null, 0, null, null, null);
        end(c, -1, null, null, null);
        return c;
    }

    CallState state(int c) {
        return STATES[bits.get(c) & STATE_MASK];
    }

    /** Moves the call to {@code next}, recording the change unless it is the state already (the first always is). */
    void setState(int c, CallState next, long nanos, int row) {
        int b = bits.get(c);
        int n = changeCount.get(c);
        if (n > 0 && (b & STATE_MASK) == next.ordinal()) {
            return;
        }
        bits.set(c, (b & ~STATE_MASK) | next.ordinal());
        int change = changes++;
        changeNanos.set(change, nanos);
        changeWhat.set(change, ((long) next.ordinal() << 32) | (row & 0xFFFFFFFFL));
        changeBefore.set(change, newestChange.get(c) - 1);
        newestChange.set(c, change + 1);
        changeCount.set(c, n + 1);
    }

    /** The call's state changes, oldest first. */
    SipCall.StateChange[] timeline(int c) {
        SipCall.StateChange[] out = new SipCall.StateChange[changeCount.get(c)];
        int k = out.length;
        for (int ch = newestChange.get(c) - 1; ch >= 0 && k > 0; ch = changeBefore.get(ch)) {
            long what = changeWhat.get(ch);
            out[--k] = new SipCall.StateChange(changeNanos.get(ch), STATES[(int) (what >>> 32)], (int) what);
        }
        return out;
    }

    SipCall.Party endedBy(int c) {
        int by = (bits.get(c) >>> ENDED_BY_SHIFT) & 3;
        return by == 0 ? null : PARTIES[by - 1];
    }

    /** The end of the call: when, by whom, why ("BYE", "486 Busy Here"...) and its Reason header; all null: none. */
    void end(int c, long nanos, SipCall.Party by, String why, String reason) {
        int b = bits.get(c) & ~(3 << ENDED_BY_SHIFT);
        bits.set(c, by == null ? b : b | (by.ordinal() + 1) << ENDED_BY_SHIFT);
        end.set(c, nanos);
        endReason.set(c, why);
        reasonHeader.set(c, reason);
    }

    boolean openAtEnd(int c) {
        return (bits.get(c) & OPEN_AT_END) != 0;
    }

    void markOpenAtEnd(int c) {
        bits.set(c, bits.get(c) | OPEN_AT_END);
    }

    /** The caller's From tag slot, 0 when none. */
    int callerTagSlot(int c) {
        return (bits.get(c) >>> TAG_SHIFT) & 0xFF;
    }

    String callerTagText(int c) {
        return callerTagText.get(c);
    }

    /** The parties as the first initial INVITE names them, and where it went from and to. */
    void parties(int c, String from, String to, String display, int tagSlot, String tagText, Endpoint src,
                 Endpoint dst) {
        caller.set(c, from);
        callee.set(c, to);
        callerDisplay.set(c, display);
        bits.set(c, (bits.get(c) & ~(0xFF << TAG_SHIFT)) | (tagSlot & 0xFF) << TAG_SHIFT);
        if (tagSlot == MessageTable.TAG_OVERFLOW) {
            callerTagText.put(c, tagText);
        }
        callerEndpoint.set(c, src);
        calleeEndpoint.set(c, dst);
    }

    String caller(int c) {
        return caller.get(c);
    }

    String callee(int c) {
        return callee.get(c);
    }

    String callerDisplay(int c) {
        return callerDisplay.get(c);
    }

    Endpoint callerEndpoint(int c) {
        return callerEndpoint.get(c);
    }

    Endpoint calleeEndpoint(int c) {
        return calleeEndpoint.get(c);
    }

    String endReason(int c) {
        return endReason.get(c);
    }

    String reasonHeader(int c) {
        return reasonHeader.get(c);
    }

    void reasonHeader(int c, String reason) {
        reasonHeader.set(c, reason);
    }

    int reInvites(int c) {
        return reInvites.get(c);
    }

    void countReInvite(int c) {
        reInvites.set(c, reInvites.get(c) + 1);
    }
}
