package dev.parley.session.sip;

import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.Transport;
import java.util.Arrays;
import java.util.Objects;

/**
 * Flags retransmissions exactly as Wireshark's {@code sip_is_packet_resend} does, so that our "resent" count equals
 * tshark's {@code -z sip,stat}. One state per direction (source and destination endpoint) of one Call-ID remembers
 * the last CSeq, its method and what was seen for it: a request repeating the last request of that direction (not ACK
 * or CANCEL), or a final response repeating the last final response code, is resent. Only UDP counts, as in tshark:
 * reliable transports retransmit below SIP. A Call-ID has few directions, so a short list beats a global map.
 */
final class ResendDetector {
    private static final int NOTHING = 0;
    private static final int REQUEST = 1;
    private static final int PROVISIONAL = 2;
    private static final int FINAL = 3;

    private static final class Direction {
        Flow flow; // the first flow seen in this direction: later ones are mostly the same object
        Endpoint src;
        Endpoint dst;
        long cseq;
        String method;
        int state;
        int responseCode;

        /** Starts over for a new direction (a reused detector reuses its directions' objects). */
        Direction start(Flow flow, long cseq, String method) {
            this.flow = flow;
            this.src = flow.src();
            this.dst = flow.dst();
            this.cseq = cseq;
            this.method = method;
            this.state = NOTHING;
            this.responseCode = 0;
            return this;
        }
    }

    private Direction[] directions = new Direction[2];
    private int count;

    /** Forgets every direction, for another session (see {@link LiveState.Pool}). */
    void reset() {
        count = 0;
    }

    boolean isResent(Flow flow, boolean request, long cseq, String cseqMethod, int statusCode) {
        if (flow == null || flow.transport() != Transport.UDP || cseq < 0) {
            return false;
        }
        Direction d = find(flow);
        boolean fresh = d == null;
        if (fresh) {
            if (count == directions.length) {
                directions = Arrays.copyOf(directions, count * 2);
            }
            Direction reused = directions[count];
            d = (reused == null ? new Direction() : reused).start(flow, cseq, cseqMethod);
            directions[count++] = d;
        } else if (d.cseq != cseq) {
            d.cseq = cseq;
            d.method = cseqMethod;
            d.state = NOTHING;
        }
        boolean resent = false;
        if (!fresh) {
            boolean sameMethod = Objects.equals(cseqMethod, d.method);
            if (request) {
                resent = d.state == REQUEST && sameMethod
                        && !"ACK".equals(cseqMethod) && !"CANCEL".equals(cseqMethod);
            } else {
                resent = d.state == FINAL && sameMethod && statusCode >= 200 && statusCode == d.responseCode;
            }
        }
        if (request) {
            d.state = REQUEST;
        } else if (statusCode >= 200) {
            d.responseCode = statusCode;
            d.state = FINAL;
        } else {
            d.state = PROVISIONAL;
        }
        return resent;
    }

    /**
     * The direction of {@code flow}: by identity first (the reader's flow cache hands the same object for a 5-tuple,
     * so this is the usual hit, without comparing addresses against the other directions), then by endpoints.
     */
    private Direction find(Flow flow) {
        for (int i = 0; i < count; i++) {
            if (directions[i].flow == flow) {
                return directions[i];
            }
        }
        for (int i = 0; i < count; i++) {
            Direction d = directions[i];
            if (d.src.equals(flow.src()) && d.dst.equals(flow.dst())) {
                return d;
            }
        }
        return null;
    }
}
