package dev.parley.session.sip;

import dev.parley.decode.Endpoint;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The call view of an INVITE session: who called whom, its state over time and its timings. All times are capture
 * times in nanoseconds (-1 when the event was not seen). Durations are derived: post-dial delay = first INVITE to
 * first 18x, setup time = first INVITE to first 2xx, duration = answer to end (or to the session's last message when
 * the call never ended). A call still open at the end of the capture keeps the state last seen (e.g. IN_CALL) and
 * {@link #isOpenAtEnd()} says so; no state is invented for it. State changes are driven by {@link CallTracker}.
 */
public final class SipCall {

    /** Which side of the call did something. */
    public enum Party { CALLER, CALLEE, UNKNOWN }

    /** One change in the call state timeline. */
    public record StateChange(long timestampNanos, CallState state, int messageIndex) {
    }

    private static final CallState[] STATES = CallState.values();

    String caller;
    String callee;
    String callerDisplay;
    int callerTagSlot; // the caller's From tag as a session tag slot, 0 when none
    String callerTagText; // only when the slot is TAG_OVERFLOW
    Endpoint callerEndpoint;
    Endpoint calleeEndpoint;
    CallState state = CallState.CALL_SETUP;
    long startNanos = -1;
    long ringNanos = -1;
    long answerNanos = -1;
    long endNanos = -1;
    long lastMessageNanos = -1;
    Party endedBy;
    String endReason;
    String reasonHeader;
    long inviteCseq = -1;
    int reInvites;
    boolean openAtEnd;
    private long[] timeline = new long[8]; // pairs: nanos, state ordinal << 32 | message index
    private int changes;

    SipCall() {
    }

    void setState(CallState next, long nanos, int messageIndex) {
        if (changes == 0 || state != next) {
            state = next;
            if (2 * changes + 2 > timeline.length) {
                timeline = Arrays.copyOf(timeline, timeline.length * 2);
            }
            timeline[2 * changes] = nanos;
            timeline[2 * changes + 1] = ((long) next.ordinal() << 32) | (messageIndex & 0xFFFFFFFFL);
            changes++;
        }
    }

    void trim() {
        timeline = Arrays.copyOf(timeline, Math.max(2, 2 * changes));
    }

    public CallState state() {
        return state;
    }

    /** From user of the first INVITE. */
    public String caller() {
        return caller;
    }

    /** To user of the first INVITE. */
    public String callee() {
        return callee;
    }

    /** Display name of the caller, or null. */
    public String callerDisplay() {
        return callerDisplay;
    }

    /** Source of the first INVITE. */
    public Endpoint callerEndpoint() {
        return callerEndpoint;
    }

    /** Destination of the first INVITE. */
    public Endpoint calleeEndpoint() {
        return calleeEndpoint;
    }

    /** Time of the first INVITE (or of the first message when the INVITE was not captured). */
    public long startNanos() {
        return startNanos;
    }

    /** Time of the first 18x response to the initial INVITE. */
    public long ringNanos() {
        return ringNanos;
    }

    /** Time of the first 2xx to the initial INVITE. */
    public long answerNanos() {
        return answerNanos;
    }

    /** Time of the BYE, CANCEL or final failure that ended the call, -1 if never ended. */
    public long endNanos() {
        return endNanos;
    }

    /** Post-dial delay: INVITE to first 18x, or -1. */
    public long postDialDelayNanos() {
        return startNanos < 0 || ringNanos < 0 ? -1 : ringNanos - startNanos;
    }

    /** Setup time: INVITE to first 2xx, or -1. */
    public long setupTimeNanos() {
        return startNanos < 0 || answerNanos < 0 ? -1 : answerNanos - startNanos;
    }

    /** Talk time: answer to end, or to the last message when never ended; -1 when never answered. */
    public long durationNanos() {
        if (answerNanos < 0) {
            return -1;
        }
        long end = endNanos >= 0 ? endNanos : lastMessageNanos;
        return Math.max(0, end - answerNanos);
    }

    /** Who ended the call (sender of BYE/CANCEL, callee for a final failure), or null while not ended. */
    public Party endedBy() {
        return endedBy;
    }

    /** Why it ended: "BYE", "CANCEL", or a final response label such as "486 Busy Here"; null while not ended. */
    public String endReason() {
        return endReason;
    }

    /** Reason header of the message that ended the call, or null. */
    public String reasonHeader() {
        return reasonHeader;
    }

    /** Re-INVITEs seen inside the call (they never restart it). */
    public int reInvites() {
        return reInvites;
    }

    /** True when the capture ended while the call was still in setup, ringing or in call. */
    public boolean isOpenAtEnd() {
        return openAtEnd;
    }

    /** State changes in capture order, the first being CALL_SETUP. */
    public List<StateChange> timeline() {
        long[] pairs = timeline;
        int n = changes;
        return new AbstractList<>() {
            @Override
            public StateChange get(int i) {
                Objects.checkIndex(i, n);
                long packed = pairs[2 * i + 1];
                return new StateChange(pairs[2 * i], STATES[(int) (packed >>> 32)], (int) packed);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    @Override
    public String toString() {
        return "Call[" + caller + " -> " + callee + " " + state.displayName() + "]";
    }
}
