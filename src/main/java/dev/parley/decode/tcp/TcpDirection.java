package dev.parley.decode.tcp;

import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import java.util.TreeMap;

/**
 * Reassembly state of one TCP direction. Sequence numbers are mapped to 64-bit stream positions relative to the
 * next expected byte, so wraparound needs no special case. A small ring of the latest delivered bytes lets
 * retransmissions be compared with the first copy.
 */
final class TcpDirection {
    static final long SEQ_MASK = 0xffffffffL;
    static final int HISTORY = 2048; // power of two

    /** A segment waiting for a hole before it to fill. */
    record Pending(byte[] data, Origin origin, long frame, long timestampNanos) { }

    final Flow flow;
    boolean started;
    boolean synSeen;
    boolean closed;
    long isn;
    long nextSeq;         // wire sequence number of the next expected byte
    long nextPos;         // stream position of the next expected byte
    long finPos = -1;     // stream position of a FIN not reached yet
    long delivered;
    final TreeMap<Long, Pending> outOfOrder = new TreeMap<>();
    long outOfOrderBytes;
    private byte[] history;
    private long historyFrom; // first stream position the ring may hold

    TcpDirection(Flow flow) {
        this.flow = flow;
    }

    /** Starts a new stream whose first byte has sequence number {@code seq}. */
    void startAt(long seq) {
        started = true;
        synSeen = false;
        closed = false;
        nextSeq = seq & SEQ_MASK;
        nextPos = 0;
        finPos = -1;
        delivered = 0;
        outOfOrder.clear();
        outOfOrderBytes = 0;
        historyFrom = 0;
    }

    /** Stream position of wire sequence number {@code seq}: the signed 32-bit distance from the next expected one. */
    long position(long seq) {
        return nextPos + (int) (seq - nextSeq);
    }

    /** Moves past {@code n} bytes that will never be delivered. */
    void skip(long n) {
        advance(n);
        historyFrom = nextPos;
    }

    /** A closed direction compares no more retransmissions: its ring is given back (captures hold many streams). */
    void releaseHistory() {
        history = null;
    }

    /** Records {@code data} as delivered at the next position and moves past it. */
    void record(Bytes data) {
        int n = data.length();
        if (history == null) {
            history = new byte[HISTORY];
        }
        int from = n > HISTORY ? n - HISTORY : 0;
        for (int i = from; i < n; ) {
            int at = (int) ((nextPos + i) & (HISTORY - 1));
            int chunk = Math.min(n - i, HISTORY - at);
            System.arraycopy(data.array(), data.offset() + i, history, at, chunk);
            i += chunk;
        }
        advance(n);
        delivered += n;
    }

    /**
     * Compares bytes {@code [from, to)} of {@code data}, which sits at stream position {@code pos}, with the
     * delivered copy still in the ring; returns false when a byte differs.
     */
    boolean matchesDelivered(long pos, Bytes data, int from, int to) {
        if (history == null) {
            return true;
        }
        long lo = Math.max(Math.max(pos + from, historyFrom), nextPos - HISTORY);
        long hi = Math.min(pos + to, nextPos);
        byte[] a = data.array();
        int base = data.offset();
        for (long p = lo; p < hi; p++) {
            if (a[base + (int) (p - pos)] != history[(int) (p & (HISTORY - 1))]) {
                return false;
            }
        }
        return true;
    }

    private void advance(long n) {
        nextPos += n;
        nextSeq = (nextSeq + n) & SEQ_MASK;
    }
}
