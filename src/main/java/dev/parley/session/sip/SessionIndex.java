package dev.parley.session.sip;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sessions by Call-ID, in order of their first message, without a String and a map entry per Call-ID: the
 * Call-ID text lives packed in the message table's string pool, the order is an array (evicted sessions leave a hole
 * until the next compaction) and the lookup an open-addressing table of positions (linear probing, backward-shift
 * deletion).
 */
final class SessionIndex {
    private final StringPool pool;
    private SipSession[] order = new SipSession[256];
    private int end;
    private int head;
    private int live;
    private int[] slots = new int[512]; // position + 1, 0 = free
    private int[] hashes = new int[512]; // the Call-ID hash of each used slot: most probes fail on it

    SessionIndex(StringPool pool) {
        this.pool = pool;
    }

    static int hash(String callId) {
        int h = callId.hashCode();
        return h ^ (h >>> 16);
    }

    /** The Call-ID's hash, rebuilt from the pool (only on insertion, rehash and removal). */
    private int hashOf(SipSession s) {
        return hash(pool.get(s.callIdId()));
    }

    int size() {
        return live;
    }

    SipSession get(String callId) {
        byte[] b = callId.getBytes(StandardCharsets.UTF_8);
        return get(b, 0, b.length);
    }

    /** {@link #get(String)} of the Call-ID in {@code a[off, off+len)} (UTF-8), without making its String. */
    SipSession get(byte[] a, int off, int len) {
        int h = StringPool.hash(a, off, len);
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int pos = slots[i] - 1;
            if (pos < 0) {
                return null;
            }
            if (hashes[i] == h) {
                SipSession s = order[pos];
                if (pool.matches(s.callIdId(), a, off, len)) {
                    return s;
                }
            }
        }
    }

    void add(SipSession s) {
        if (end == order.length) {
            if (live < end / 2) {
                compact();
            } else {
                order = Arrays.copyOf(order, end + (end >> 1));
            }
        }
        order[end] = s;
        live++;
        end++;
        if (2 * live > slots.length) {
            grow();
        }
        insert(hashOf(s), end);
    }

    private void insert(int h, int posPlusOne) {
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = posPlusOne;
        hashes[i] = h;
    }

    /** Doubles the table, re-inserting from the kept hashes (no Call-ID is rebuilt from the pool). */
    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldHashes[i], oldSlots[i]);
            }
        }
    }

    private void rehash() {
        Arrays.fill(slots, 0);
        for (int p = 0; p < end; p++) {
            if (order[p] != null) {
                insert(hashOf(order[p]), p + 1);
            }
        }
    }

    private void compact() {
        int n = 0;
        for (int p = 0; p < end; p++) {
            if (order[p] != null) {
                order[n++] = order[p];
            }
        }
        Arrays.fill(order, n, end, null);
        end = n;
        head = 0;
        rehash();
    }

    /** Position of the oldest session, or -1 when none. */
    int first() {
        while (head < end && order[head] == null) {
            head++;
        }
        return head < end ? head : -1;
    }

    /** Position of the next session after position p, or -1. */
    int next(int p) {
        for (int q = p + 1; q < end; q++) {
            if (order[q] != null) {
                return q;
            }
        }
        return -1;
    }

    SipSession at(int p) {
        return order[p];
    }

    void remove(int p) {
        SipSession s = order[p];
        int mask = slots.length - 1;
        int i = hashOf(s) & mask;
        while (slots[i] != p + 1) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion: pull later entries of the probe run into the hole
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                slots[hole] = slots[j];
                hashes[hole] = hashes[j];
                hole = j;
            }
        }
        slots[hole] = 0;
        order[p] = null;
        live--;
    }

    /** A snapshot of the sessions in order of their first message. */
    List<SipSession> snapshot() {
        SipSession[] out = new SipSession[live];
        int n = 0;
        for (int p = 0; p < end; p++) {
            if (order[p] != null) {
                out[n++] = order[p];
            }
        }
        int size = n;
        return new AbstractList<>() {
            @Override
            public SipSession get(int i) {
                Objects.checkIndex(i, size);
                return out[i];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
