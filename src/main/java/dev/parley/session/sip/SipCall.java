package dev.parley.session.sip;

import dev.parley.decode.Endpoint;
import java.util.List;

/**
 * The call view of an INVITE session: who called whom, its state over time and its timings. All times are capture
 * times in nanoseconds (-1 when the event was not seen). Durations are derived: post-dial delay = first INVITE to
 * first 18x, setup time = first INVITE to first 2xx, duration = answer to end (or to the session's last message when
 * the call never ended). A call still open at the end of the capture keeps the state last seen (e.g. IN_CALL) and
 * {@link #isOpenAtEnd()} says so; no state is invented for it. State changes are driven by {@link CallTracker}. A view
 * over the call's row of the {@link CallTable}, made on demand: its getters read the row as it is now.
 */
public final class SipCall {

    /** Which side of the call did something. */
    public enum Party { CALLER, CALLEE, UNKNOWN }

    /** One change in the call state timeline. */
    public record StateChange(long timestampNanos, CallState state, int messageIndex) {
    }

    private final CallTable calls;
    private final int c;

    SipCall(CallTable calls, int c) {
        this.calls = calls;
        this.c = c;
    }

    public CallState state() {
        return calls.state(c);
    }

    /** From user of the first INVITE. */
    public String caller() {
        return calls.caller(c);
    }

    /** To user of the first INVITE. */
    public String callee() {
        return calls.callee(c);
    }

    /** Display name of the caller, or null. */
    public String callerDisplay() {
        return calls.callerDisplay(c);
    }

    /** Source of the first INVITE. */
    public Endpoint callerEndpoint() {
        return calls.callerEndpoint(c);
    }

    /** Destination of the first INVITE. */
    public Endpoint calleeEndpoint() {
        return calls.calleeEndpoint(c);
    }

    /** Time of the first INVITE (or of the first message when the INVITE was not captured). */
    public long startNanos() {
        return calls.start.get(c);
    }

    /** Time of the first 18x response to the initial INVITE. */
    public long ringNanos() {
        return calls.ring.get(c);
    }

    /** Time of the first 2xx to the initial INVITE. */
    public long answerNanos() {
        return calls.answer.get(c);
    }

    /** Time of the BYE, CANCEL or final failure that ended the call, -1 if never ended. */
    public long endNanos() {
        return calls.end.get(c);
    }

    /** Post-dial delay: INVITE to first 18x, or -1. */
    public long postDialDelayNanos() {
        long start = calls.start.get(c);
        long ring = calls.ring.get(c);
        return start < 0 || ring < 0 ? -1 : ring - start;
    }

    /** Setup time: INVITE to first 2xx, or -1. */
    public long setupTimeNanos() {
        long start = calls.start.get(c);
        long answer = calls.answer.get(c);
        return start < 0 || answer < 0 ? -1 : answer - start;
    }

    /** Talk time: answer to end, or to the last message when never ended; -1 when never answered. */
    public long durationNanos() {
        long answer = calls.answer.get(c);
        if (answer < 0) {
            return -1;
        }
        long end = calls.end.get(c) >= 0 ? calls.end.get(c) : calls.last.get(c);
        return Math.max(0, end - answer);
    }

    /** Who ended the call (sender of BYE/CANCEL, callee for a final failure), or null while not ended. */
    public Party endedBy() {
        return calls.endedBy(c);
    }

    /** Why it ended: "BYE", "CANCEL", or a final response label such as "486 Busy Here"; null while not ended. */
    public String endReason() {
        return calls.endReason(c);
    }

    /** Reason header of the message that ended the call, or null. */
    public String reasonHeader() {
        return calls.reasonHeader(c);
    }

    /** Re-INVITEs seen inside the call (they never restart it). */
    public int reInvites() {
        return calls.reInvites(c);
    }

    /** True when the capture ended while the call was still in setup, ringing or in call. */
    public boolean isOpenAtEnd() {
        return calls.openAtEnd(c);
    }

    /** State changes in capture order, the first being CALL_SETUP. */
    public List<StateChange> timeline() {
        return List.of(calls.timeline(c));
    }

    @Override
    public String toString() {
        return "Call[" + caller() + " -> " + callee() + " " + state().displayName() + "]";
    }
}
