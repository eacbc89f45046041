package dev.parley.session.sip;

import java.util.Arrays;

/**
 * Few distinct combinations of method, CSeq method, reason phrase and status occur ("INVITE", "200 OK" to INVITE,
 * "100 Trying"...): a message stores the combination's char id instead of four fields. Keys are the three name ids and
 * the status packed in a long; the lookup is an open-addressing table without boxing. Past {@link #FULL} shapes the
 * caller keeps the key itself.
 */
final class ShapeTable {
    static final char FULL = 0xFFFF;
    private long[] keys = new long[64]; // by id
    private int count;
    private int[] slots = new int[128]; // id + 1, 0 = free

    static long key(char method, char cseqMethod, char reason, int status) {
        return (long) method | (long) cseqMethod << 16 | (long) reason << 32 | (long) (status & 0xFFFF) << 48;
    }

    static char method(long key) {
        return (char) key;
    }

    static char cseqMethod(long key) {
        return (char) (key >>> 16);
    }

    static char reason(long key) {
        return (char) (key >>> 32);
    }

    static int status(long key) {
        return (short) (key >>> 48);
    }

    char id(long key) {
        int mask = slots.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            if (keys[slots[i] - 1] == key) {
                return (char) (slots[i] - 1);
            }
        }
        if (count >= FULL) {
            return FULL;
        }
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
        }
        keys[count] = key;
        slots[i] = ++count;
        if (2 * count > slots.length) {
            slots = new int[slots.length * 2];
            int m = slots.length - 1;
            for (int id = 0; id < count; id++) {
                int j = Long.hashCode(keys[id] * 0x9E3779B97F4A7C15L) & m;
                while (slots[j] != 0) {
                    j = (j + 1) & m;
                }
                slots[j] = id + 1;
            }
        }
        return (char) (count - 1);
    }

    long key(char id) {
        return keys[id];
    }
}
