package dev.parley.decode.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * What the model's correlator does on every message beyond the floor's lookups, written the floor's way (primitive
 * columns, no object per message or per session), so that {@code LoadFloor --full} prices a correlator that keeps the
 * model's semantics in that shape: tags matched by their bytes into per-Call-ID slots, retransmissions flagged by
 * Wireshark's rule per direction (as {@code ResendDetector}), transactions' first request and final response, the
 * session's kind, statistics per method and status, and the call state machine of {@code CallTracker} with its times.
 * Not Parley's loader: dialogs, registrations, pager messages, subscriptions and names are left out. Its call states
 * are the model's ({@code LoadFloorTest}).
 */
final class FullSteps {
    private static final int PAGE = 1 << 14;
    private static final int CANCEL = 4;
    private static final int PRACK = 10;
    private static final int UPDATE = 11;
    // call states, in CallState's order; 0 = no call yet
    private static final int SETUP = 1;
    private static final int RINGING = 2;
    private static final int IN_CALL = 3;
    private static final int CANCELLED = 4;
    private static final int REJECTED = 5;
    private static final int BUSY = 6;
    private static final int COMPLETED = 7;
    private static final int DIVERTED = 8;
    // retransmission state of a direction
    private static final int REQUEST = 1;
    private static final int PROVISIONAL = 2;
    private static final int FINAL = 3;

    /** Per Call-ID columns. */
    private static final class Sessions {
        final int[] tag = new int[PAGE * 2]; // tag ids + 1 of the first two distinct tags
        final int[] kindMethod = new int[PAGE]; // the method the session's kind comes from; sign: from a request
        final long[] dirSrc = new long[PAGE * 2]; // two directions per Call-ID
        final long[] dirDst = new long[PAGE * 2];
        final int[] dirCseq = new int[PAGE * 2];
        final byte[] dirMethod = new byte[PAGE * 2];
        final byte[] dirState = new byte[PAGE * 2];
        final short[] dirCode = new short[PAGE * 2];
        final byte[] callState = new byte[PAGE];
        final int[] callerTag = new int[PAGE];
        final int[] inviteCseq = new int[PAGE];
        final long[] start = new long[PAGE];
        final long[] ring = new long[PAGE];
        final long[] answer = new long[PAGE];
        final long[] end = new long[PAGE];
    }

    /** Per transaction columns. */
    private static final class Transactions {
        final int[] request = new int[PAGE];
        final int[] finalResponse = new int[PAGE];
        final boolean[] requestHasToTag = new boolean[PAGE];
    }

    private final LoadFloor.BytesTable tags = new LoadFloor.BytesTable(1 << 20);
    private int tagCount;
    private final List<Sessions> sessions = new ArrayList<>();
    private final List<Transactions> transactions = new ArrayList<>();
    private final long[] methodCounts = new long[16];
    private final long[] statusCounts = new long[1000];

    /** One message of batch row {@code i}; true when it is a retransmission. */
    boolean step(LoadFloor.Batch b, int i, int session, boolean newSession, int tx, boolean newTx, int row) {
        int kind = b.kind[i];
        boolean request = kind < 0;
        int method = request ? -kind : b.cseqMethod[i];
        if (request) {
            methodCounts[-kind]++;
        } else if (kind < statusCounts.length) {
            statusCounts[kind]++;
        }
        if ((session & (PAGE - 1)) == 0 && newSession) {
            sessions.add(new Sessions());
        }
        Sessions s = sessions.get(session >>> 14);
        int at = session & (PAGE - 1);
        int[] k = b.keys;
        int fromSlot = slot(s, at, session, b.bytes, k[i * 8 + 2], k[i * 8 + 3]);
        int toSlot = slot(s, at, session, b.bytes, k[i * 8 + 4], k[i * 8 + 5]);
        if (s.kindMethod[at] == 0 || request && s.kindMethod[at] > 0) {
            s.kindMethod[at] = request ? -method : method;
        }
        boolean resent = resent(s, at, b.src[i], b.dst[i], request, b.cseq[i], method, kind);
        if (tx >= 0) {
            if (newTx && (tx & (PAGE - 1)) == 0) {
                transactions.add(new Transactions());
            }
            Transactions t = transactions.get(tx >>> 14);
            int x = tx & (PAGE - 1);
            if (newTx) {
                t.request[x] = -1;
                t.finalResponse[x] = -1;
            }
            if (request && t.request[x] < 0 && method != LoadFloor.ACK) {
                t.request[x] = row;
                t.requestHasToTag[x] = toSlot != 0;
            } else if (!request && kind >= 200 && t.finalResponse[x] < 0) {
                t.finalResponse[x] = row;
            }
            int kindFrom = Math.abs(s.kindMethod[at]);
            if (kindFrom == LoadFloor.INVITE || kindFrom == LoadFloor.ACK || kindFrom == LoadFloor.BYE
                    || kindFrom == CANCEL || kindFrom == PRACK || kindFrom == UPDATE) {
                call(s, at, request, method, kind, b.cseq[i], b.time[i], fromSlot, toSlot != 0,
                        !request && t.requestHasToTag[x]);
            }
        }
        return resent;
    }

    /** The tag's slot in its Call-ID (1, 2; 3 past them), 0 for none; matched by its bytes. */
    private int slot(Sessions s, int at, int session, byte[] bytes, int start, int length) {
        if (length <= 0) {
            return 0;
        }
        int id = tags.id(bytes, start, length, session, tagCount);
        if (id == tagCount) {
            tagCount++;
        }
        for (int j = 0; j < 2; j++) {
            if (s.tag[at * 2 + j] == id + 1) {
                return j + 1;
            }
            if (s.tag[at * 2 + j] == 0) {
                s.tag[at * 2 + j] = id + 1;
                return j + 1;
            }
        }
        return 3; // a third tag: one slot for all of them here
    }

    /** Wireshark's {@code sip_is_packet_resend}, per direction of the Call-ID. */
    private boolean resent(Sessions s, int at, long src, long dst, boolean request, int cseq, int method, int code) {
        int d = -1;
        for (int j = 0; j < 2; j++) {
            int slot = at * 2 + j;
            if (s.dirState[slot] == 0 && s.dirSrc[slot] == 0) {
                s.dirSrc[slot] = src;
                s.dirDst[slot] = dst;
                s.dirCseq[slot] = cseq;
                s.dirMethod[slot] = (byte) method;
                s.dirState[slot] = (byte) (request ? REQUEST : code >= 200 ? FINAL : PROVISIONAL);
                s.dirCode[slot] = (short) (request || code < 200 ? 0 : code);
                return false;
            }
            if (s.dirSrc[slot] == src && s.dirDst[slot] == dst) {
                d = slot;
                break;
            }
        }
        if (d < 0) {
            return false; // a third direction is not followed here
        }
        if (s.dirCseq[d] != cseq) {
            s.dirCseq[d] = cseq;
            s.dirMethod[d] = (byte) method;
            s.dirState[d] = 0;
        }
        boolean same = s.dirMethod[d] == method;
        boolean resent = request ? s.dirState[d] == REQUEST && same && method != LoadFloor.ACK && method != CANCEL
                : s.dirState[d] == FINAL && same && code >= 200 && code == s.dirCode[d];
        if (request) {
            s.dirState[d] = REQUEST;
        } else if (code >= 200) {
            s.dirCode[d] = (short) code;
            s.dirState[d] = FINAL;
        } else {
            s.dirState[d] = PROVISIONAL;
        }
        return resent;
    }

    /** {@code CallTracker}'s rules on primitives. */
    private static void call(Sessions s, int at, boolean request, int method, int code, int cseq, long t,
                             int fromSlot, boolean hasToTag, boolean answersReInvite) {
        byte[] state = s.callState;
        if (state[at] == 0) {
            state[at] = SETUP;
            s.start[at] = t;
            s.ring[at] = -1;
            s.answer[at] = -1;
            s.end[at] = -1;
            s.inviteCseq[at] = -1;
        }
        int st = state[at];
        boolean setup = st == SETUP || st == RINGING;
        if (request) {
            if (method == LoadFloor.INVITE) {
                if (hasToTag || st == IN_CALL || st == COMPLETED) {
                    return;
                }
                if (s.callerTag[at] == 0) {
                    s.callerTag[at] = fromSlot;
                    s.start[at] = t;
                }
                if (cseq > s.inviteCseq[at] && st >= CANCELLED) {
                    s.end[at] = -1;
                    state[at] = SETUP;
                }
                s.inviteCseq[at] = Math.max(s.inviteCseq[at], cseq);
            } else if (method == CANCEL && setup) {
                state[at] = CANCELLED;
                s.end[at] = t;
            } else if (method == LoadFloor.BYE && st != COMPLETED) {
                state[at] = COMPLETED;
                s.end[at] = t;
            }
            return;
        }
        if (method != LoadFloor.INVITE || answersReInvite) {
            return;
        }
        if (code < 200) {
            if (code >= 180 && st == SETUP) {
                state[at] = RINGING;
            }
            if (code >= 180 && s.ring[at] < 0 && s.answer[at] < 0) {
                s.ring[at] = t;
            }
        } else if (code < 300) {
            if (s.answer[at] < 0 && (setup || st == CANCELLED)) {
                s.answer[at] = t;
                s.end[at] = -1;
                state[at] = IN_CALL;
            }
        } else if (setup) {
            state[at] = (byte) (code < 400 ? DIVERTED : code == 486 || code == 600 ? BUSY
                    : code == 487 ? CANCELLED : REJECTED);
            s.end[at] = t;
        }
    }

    /** Calls per state, in {@code CallState}'s order. */
    int[] callStates() {
        int[] counts = new int[8];
        for (Sessions s : sessions) {
            for (byte st : s.callState) {
                if (st > 0) {
                    counts[st - 1]++;
                }
            }
        }
        return counts;
    }
}
