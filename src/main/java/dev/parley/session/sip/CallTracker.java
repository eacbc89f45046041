package dev.parley.session.sip;

import dev.parley.decode.sip.SipSummary;

/**
 * Drives a {@link SipCall}'s state from the messages of its Call-ID, the way sngrep's {@code call_update_state} does:
 * initial INVITE -> CALL_SETUP, 18x -> RINGING, 2xx -> IN_CALL, BYE -> COMPLETED, CANCEL/487 -> CANCELLED,
 * 486/600 -> BUSY, 3xx -> DIVERTED, other final failures (401/407 included) -> REJECTED. A new initial INVITE after a
 * failure (e.g. the retry after a 407 challenge) returns to CALL_SETUP; re-INVITEs and their answers change nothing.
 */
final class CallTracker {
    private CallTracker() {
    }

    static void update(SipCall call, MessageFacts m, Interner people) {
        long t = m.nanos;
        call.lastMessageNanos = Math.max(call.lastMessageNanos, t);
        if (call.startNanos < 0) {
            call.startNanos = t;
            call.setState(CallState.CALL_SETUP, t, m.row);
        }
        if (m.request) {
            onRequest(call, m, m.sip, t, people);
        } else if ("INVITE".equals(m.cseqMethod)) {
            onInviteResponse(call, m, m.sip, t, people);
        }
    }

    private static void onRequest(SipCall call, MessageFacts m, SipSummary s, long t, Interner people) {
        switch (m.method) {
            case "INVITE":
                if (m.hasToTag() || call.state == CallState.IN_CALL || call.state == CallState.COMPLETED) {
                    if (!m.resent) {
                        call.reInvites++;
                    }
                    return;
                }
                if (call.caller == null) {
                    call.caller = people.intern(s.fromUser());
                    call.callee = people.intern(s.toUser());
                    call.callerDisplay = people.intern(s.fromDisplay());
                    call.callerTagSlot = m.fromSlot;
                    call.callerTagText = call.callerTagSlot == MessageTable.TAG_OVERFLOW ? m.fromText : null;
                    call.callerEndpoint = m.flow == null ? null : m.flow.src();
                    call.calleeEndpoint = m.flow == null ? null : m.flow.dst();
                    call.startNanos = t;
                }
                if (m.cseq > call.inviteCseq && call.state.isTerminal()) {
                    // a new attempt (after 401/407, 3xx...) restarts the setup of the same call
                    call.endNanos = -1;
                    call.endedBy = null;
                    call.endReason = null;
                    call.reasonHeader = null;
                    call.setState(CallState.CALL_SETUP, t, m.row);
                }
                call.inviteCseq = Math.max(call.inviteCseq, m.cseq);
                return;
            case "CANCEL":
                if (call.state.isSetup()) {
                    call.setState(CallState.CANCELLED, t, m.row);
                    end(call, s, t, partyOf(call, m), "CANCEL", people);
                }
                return;
            case "BYE":
                if (call.state != CallState.COMPLETED) {
                    call.setState(CallState.COMPLETED, t, m.row);
                    end(call, s, t, partyOf(call, m), "BYE", people);
                }
                return;
            default:
                return;
        }
    }

    private static void onInviteResponse(SipCall call, MessageFacts m, SipSummary s, long t, Interner people) {
        MessageTable table = m.session.table();
        int request = m.tx < 0 ? -1 : table.transactions.request(m.tx);
        if (request >= 0 && table.toSlot(request) != 0) {
            return; // answer to a re-INVITE
        }
        int code = m.status;
        if (code < 200) {
            if (code >= 180 && call.state == CallState.CALL_SETUP) {
                call.setState(CallState.RINGING, t, m.row);
            }
            if (code >= 180 && call.ringNanos < 0 && call.answerNanos < 0) {
                call.ringNanos = t;
            }
            return;
        }
        if (code < 300) {
            if (call.answerNanos < 0 && (call.state.isSetup() || call.state == CallState.CANCELLED)) {
                call.answerNanos = t;
                call.endNanos = -1;
                call.endedBy = null;
                call.endReason = null;
                call.reasonHeader = null;
                call.setState(CallState.IN_CALL, t, m.row);
            }
            return;
        }
        if (!call.state.isSetup()) {
            if (code == 487 && call.state == CallState.CANCELLED && call.reasonHeader == null) {
                call.reasonHeader = people.intern(s.reason());
            }
            return;
        }
        CallState next;
        if (code < 400) {
            next = CallState.DIVERTED;
        } else if (code == 486 || code == 600) {
            next = CallState.BUSY;
        } else if (code == 487) {
            next = CallState.CANCELLED;
        } else {
            next = CallState.REJECTED;
        }
        call.setState(next, t, m.row);
        end(call, s, t, SipCall.Party.CALLEE, people.intern(m.label()), people);
    }

    private static void end(SipCall call, SipSummary s, long t, SipCall.Party by, String why, Interner people) {
        call.endNanos = t;
        call.endedBy = by;
        call.endReason = why;
        call.reasonHeader = people.intern(s.reason());
    }

    /** The sender of a request: the caller when its From tag is the initial INVITE's, else by flow direction. */
    static SipCall.Party partyOf(SipCall call, MessageFacts m) {
        int from = m.fromSlot;
        if (call.callerTagSlot != 0 && from != 0) {
            boolean same = TagSlots.same(m.session, call.callerTagSlot, call.callerTagText, from, m.fromText);
            return same ? SipCall.Party.CALLER : SipCall.Party.CALLEE;
        }
        if (m.flow != null && call.callerEndpoint != null) {
            if (m.flow.src().equals(call.callerEndpoint)) {
                return SipCall.Party.CALLER;
            }
            if (m.flow.src().equals(call.calleeEndpoint)) {
                return SipCall.Party.CALLEE;
            }
        }
        return SipCall.Party.UNKNOWN;
    }
}
