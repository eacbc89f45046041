package dev.parley.session.sip;


/**
 * Drives a call's state (its row {@code c} of the {@link CallTable}) from the messages of its Call-ID, the way
 * sngrep's {@code call_update_state} does: initial INVITE -> CALL_SETUP, 18x -> RINGING, 2xx -> IN_CALL, BYE ->
 * COMPLETED, CANCEL/487 -> CANCELLED, 486/600 -> BUSY, 3xx -> DIVERTED, other final failures (401/407 included) ->
 * REJECTED. A new initial INVITE after a failure (e.g. the retry after a 407 challenge) returns to CALL_SETUP;
 * re-INVITEs and their answers change nothing.
 */
final class CallTracker {
    private CallTracker() {
    }

    static void update(CallTable calls, int c, MessageFacts m, Interner people) {
        long t = m.nanos;
        calls.last.set(c, Math.max(calls.last.get(c), t));
        if (calls.start.get(c) < 0) {
            calls.start.set(c, t);
            calls.setState(c, CallState.CALL_SETUP, t, m.row);
        }
        if (m.request) {
            onRequest(calls, c, m, t, people);
        } else if ("INVITE".equals(m.cseqMethod)) {
            onInviteResponse(calls, c, m, t, people);
        }
    }

    private static void onRequest(CallTable calls, int c, MessageFacts m, long t, Interner people) {
        CallState state = calls.state(c);
        switch (m.method) {
            case "INVITE":
                if (m.hasToTag() || state == CallState.IN_CALL || state == CallState.COMPLETED) {
                    if (!m.resent) {
                        calls.countReInvite(c);
                    }
                    return;
                }
                if (calls.caller(c) == null) {
                    calls.parties(c, m.fromUser(people), m.toUser(people), m.fromDisplay(people), m.fromSlot,
                            m.fromText, m.flow == null ? null : m.flow.src(), m.flow == null ? null : m.flow.dst());
                    calls.start.set(c, t);
                }
                if (m.cseq > calls.inviteCseq.get(c) && state.isTerminal()) {
                    // a new attempt (after 401/407, 3xx...) restarts the setup of the same call
                    calls.end(c, -1, null, null, null);
                    calls.setState(c, CallState.CALL_SETUP, t, m.row);
                }
                calls.inviteCseq.set(c, Math.max(calls.inviteCseq.get(c), m.cseq));
                return;
            case "CANCEL":
                if (state.isSetup()) {
                    calls.setState(c, CallState.CANCELLED, t, m.row);
                    end(calls, c, m, t, partyOf(calls, c, m), "CANCEL", people);
                }
                return;
            case "BYE":
                if (state != CallState.COMPLETED) {
                    calls.setState(c, CallState.COMPLETED, t, m.row);
                    end(calls, c, m, t, partyOf(calls, c, m), "BYE", people);
                }
                return;
            default:
                return;
        }
    }

    private static void onInviteResponse(CallTable calls, int c, MessageFacts m, long t, Interner people) {
        MessageTable table = m.session.table();
        int request = m.tx < 0 ? -1 : table.transactions.request(m.tx);
        if (request >= 0 && table.toSlot(request) != 0) {
            return; // answer to a re-INVITE
        }
        int code = m.status;
        CallState state = calls.state(c);
        if (code < 200) {
            if (code >= 180 && state == CallState.CALL_SETUP) {
                calls.setState(c, CallState.RINGING, t, m.row);
            }
            if (code >= 180 && calls.ring.get(c) < 0 && calls.answer.get(c) < 0) {
                calls.ring.set(c, t);
            }
            return;
        }
        if (code < 300) {
            if (calls.answer.get(c) < 0 && (state.isSetup() || state == CallState.CANCELLED)) {
                calls.answer.set(c, t);
                calls.end(c, -1, null, null, null);
                calls.setState(c, CallState.IN_CALL, t, m.row);
            }
            return;
        }
        if (!state.isSetup()) {
            if (code == 487 && state == CallState.CANCELLED && calls.reasonHeader(c) == null) {
                calls.reasonHeader(c, people.intern(m.reason()));
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
        calls.setState(c, next, t, m.row);
        end(calls, c, m, t, SipCall.Party.CALLEE, people.intern(m.label()), people);
    }

    private static void end(CallTable calls, int c, MessageFacts m, long t, SipCall.Party by, String why,
                            Interner people) {
        calls.end(c, t, by, why, people.intern(m.reason()));
    }

    /** The sender of a request: the caller when its From tag is the initial INVITE's, else by flow direction. */
    static SipCall.Party partyOf(CallTable calls, int c, MessageFacts m) {
        int from = m.fromSlot;
        int callerSlot = calls.callerTagSlot(c);
        if (callerSlot != 0 && from != 0) {
            // the caller's tag as text only past the slots: the map of those texts is keyed by boxed call numbers
            String callerText = callerSlot == MessageTable.TAG_OVERFLOW ? calls.callerTagText(c) : null;
            boolean same = TagSlots.same(m.session, callerSlot, callerText, from, m.fromText);
            return same ? SipCall.Party.CALLER : SipCall.Party.CALLEE;
        }
        if (m.flow != null && calls.callerEndpoint(c) != null) {
            if (m.flow.src().equals(calls.callerEndpoint(c))) {
                return SipCall.Party.CALLER;
            }
            if (m.flow.src().equals(calls.calleeEndpoint(c))) {
                return SipCall.Party.CALLEE;
            }
        }
        return SipCall.Party.UNKNOWN;
    }
}
