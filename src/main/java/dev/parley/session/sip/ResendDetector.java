package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Transport;
import java.util.Arrays;
import java.util.Objects;

/**
 * Flags retransmissions exactly as Wireshark's {@code sip_is_packet_resend} does, so that our "resent" count equals
 * tshark's {@code -z sip,stat}. One state per direction (source and destination endpoint) of one Call-ID remembers
 * the last CSeq, its method and what was seen for it: a request repeating the last request of that direction (not ACK
 * or CANCEL), or a final response repeating the last final response code, is resent. Only UDP counts, as in tshark:
 * reliable transports retransmit below SIP.
 *
 * <p>A Call-ID has few directions: two for a call seen at one end, four for a call through a proxy seen on both of its
 * legs. The first {@value #INLINE} live in fields of this object, so that matching a message reads one object
 * instead of an array and an object per direction (the correlator's samples were on those reads; building the
 * synthetic capture's model without the detector at all took 7 % less, docs/DESIGN-NOTES.md note 33); further ones
 * go to arrays.
 */
final class ResendDetector {
    private static final int NOTHING = 0;
    private static final int REQUEST = 1;
    private static final int PROVISIONAL = 2;
    private static final int FINAL = 3;
    /** A direction's state in the low two bits of its int, its last final response code above them. */
    private static final int STATE = 3;
    private static final int CODE_SHIFT = 2;
    private static final int INLINE = 4;

    // direction i < INLINE: the first flow seen in it (later ones are mostly the same object), its CSeq and method,
    // its state and code
    private Flow flow0;
    private Flow flow1;
    private Flow flow2;
    private Flow flow3;
    private long cseq0;
    private long cseq1;
    private long cseq2;
    private long cseq3;
    private String method0;
    private String method1;
    private String method2;
    private String method3;
    private int state0;
    private int state1;
    private int state2;
    private int state3;
    private int count;
    // directions past INLINE, at index i - INLINE
    private Flow[] moreFlows;
    private long[] moreCseqs;
    private String[] moreMethods;
    private int[] moreStates;

    /** Forgets every direction, for another session (see {@link LiveState.Pool}). */
    void reset() {
        count = 0;
    }

    boolean isResent(Flow flow, boolean request, long cseq, String cseqMethod, int statusCode) {
        if (flow == null || flow.transport() != Transport.UDP || cseq < 0) {
            return false;
        }
        int d = find(flow);
        boolean resent = false;
        int state;
        if (d < 0) {
            d = count++;
            flow(d, flow);
            cseq(d, cseq);
            method(d, cseqMethod);
            state = NOTHING;
        } else {
            state = state(d);
            if (cseq(d) != cseq) {
                cseq(d, cseq);
                method(d, cseqMethod);
                state &= ~STATE; // NOTHING, the code kept
            } else {
                boolean sameMethod = Objects.equals(cseqMethod, method(d));
                if (request) {
                    resent = (state & STATE) == REQUEST && sameMethod
                            && !"ACK".equals(cseqMethod) && !"CANCEL".equals(cseqMethod);
                } else {
                    resent = (state & STATE) == FINAL && sameMethod && statusCode >= 200
                            && statusCode == state >>> CODE_SHIFT;
                }
            }
        }
        if (request) {
            state = state & ~STATE | REQUEST;
        } else if (statusCode >= 200) {
            state = statusCode << CODE_SHIFT | FINAL;
        } else {
            state = state & ~STATE | PROVISIONAL;
        }
        state(d, state);
        return resent;
    }

    /**
     * The direction of {@code flow}, -1 when new: by identity first (the reader's flow cache hands the same object for
     * a 5-tuple, so this is the usual hit, without comparing addresses against the other directions), then by
     * endpoints.
     */
    private int find(Flow flow) {
        int n = count;
        if (n > 0 && flow0 == flow) {
            return 0;
        }
        if (n > 1 && flow1 == flow) {
            return 1;
        }
        if (n > 2 && flow2 == flow) {
            return 2;
        }
        if (n > 3 && flow3 == flow) {
            return 3;
        }
        for (int i = INLINE; i < n; i++) {
            if (moreFlows[i - INLINE] == flow) {
                return i;
            }
        }
        for (int i = 0; i < n; i++) {
            Flow f = flow(i);
            if (f.src().equals(flow.src()) && f.dst().equals(flow.dst())) {
                return i;
            }
        }
        return -1;
    }

    private Flow flow(int i) {
        switch (i) {
            case 0: return flow0;
            case 1: return flow1;
            case 2: return flow2;
            case 3: return flow3;
            default: return moreFlows[i - INLINE];
        }
    }

    /** Sets the first flow of direction {@code i}, a new one (the next index), making room past the fields. */
    private void flow(int i, Flow f) {
        switch (i) {
            case 0: flow0 = f; break;
            case 1: flow1 = f; break;
            case 2: flow2 = f; break;
            case 3: flow3 = f; break;
            default:
                int at = i - INLINE;
                if (moreFlows == null || at == moreFlows.length) {
                    int n = moreFlows == null ? INLINE : 2 * moreFlows.length;
                    moreFlows = moreFlows == null ? new Flow[n] : Arrays.copyOf(moreFlows, n);
                    moreCseqs = moreCseqs == null ? new long[n] : Arrays.copyOf(moreCseqs, n);
                    moreMethods = moreMethods == null ? new String[n] : Arrays.copyOf(moreMethods, n);
                    moreStates = moreStates == null ? new int[n] : Arrays.copyOf(moreStates, n);
                }
                moreFlows[at] = f;
        }
    }

    private long cseq(int i) {
        switch (i) {
            case 0: return cseq0;
            case 1: return cseq1;
            case 2: return cseq2;
            case 3: return cseq3;
            default: return moreCseqs[i - INLINE];
        }
    }

    private void cseq(int i, long v) {
        switch (i) {
            case 0: cseq0 = v; break;
            case 1: cseq1 = v; break;
            case 2: cseq2 = v; break;
            case 3: cseq3 = v; break;
            default: moreCseqs[i - INLINE] = v;
        }
    }

    private String method(int i) {
        switch (i) {
            case 0: return method0;
            case 1: return method1;
            case 2: return method2;
            case 3: return method3;
            default: return moreMethods[i - INLINE];
        }
    }

    private void method(int i, String v) {
        switch (i) {
            case 0: method0 = v; break;
            case 1: method1 = v; break;
            case 2: method2 = v; break;
            case 3: method3 = v; break;
            default: moreMethods[i - INLINE] = v;
        }
    }

    private int state(int i) {
        switch (i) {
            case 0: return state0;
            case 1: return state1;
            case 2: return state2;
            case 3: return state3;
            default: return moreStates[i - INLINE];
        }
    }

    private void state(int i, int v) {
        switch (i) {
            case 0: state0 = v; break;
            case 1: state1 = v; break;
            case 2: state2 = v; break;
            case 3: state3 = v; break;
            default: moreStates[i - INLINE] = v;
        }
    }
}
