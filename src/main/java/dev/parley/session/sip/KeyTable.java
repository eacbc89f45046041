package dev.parley.session.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Byte strings with a number mixed in to small ids, matched by their bytes (the model's Call-IDs, number 0; tags and
 * branches are in the {@link StringPool} still): the correlator's core finds a key with one hash of its bytes and
 * about one probe, and keeps ids in its primitive columns (docs/DESIGN-NOTES.md note 23). Open addressing with linear
 * probing over slots holding an id and half the key's hash; backward-shift deletion; ids of removed keys are reused (a free
 * list), and the bytes live in pages that are dropped once all their keys are removed, so that a capture whose
 * Call-IDs come and go (eviction past {@code Limits.maxCalls}) keeps a bounded table. Not thread-safe.
 */
final class KeyTable {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Per id, one record of four longs: the key's hash, its number, where its bytes start, its length. */
    private static final int RECORD = 4;
    private static final int HASH = 0;
    private static final int EXTRA = 1;
    private static final int START = 2; // page << PAGE_BITS | offset
    private static final int LENGTH = 3;

    /**
     * The slots, one long each: the high half of the key's hash, which also gives its home slot, over its id + 1 (0 = a
     * free slot). A probe reads one long, and a key's record one place more, where a lookup went through six arrays
     * (docs/DESIGN-NOTES.md note 38).
     */
    private long[] slots = new long[1 << 10];
    private int size;
    private long[] records = new long[RECORD * 256];
    private int ids; // ids given out so far (the highest + 1)
    private int[] free = new int[16];
    private int freeCount;
    private final CRC32 crc = new CRC32(); // reset for each hash
    // the bytes
    private final List<byte[]> pages = new ArrayList<>();
    private final List<int[]> pageKeys = new ArrayList<>(); // keys still in each page
    private int used = PAGE; // in the newest page: full, so that the first key opens one

    /**
     * The hash of a key: the CRC-32 of its bytes, mixed with its length and its number. CRC-32 because HotSpot computes
     * it with an intrinsic in every tier, the interpreter included: the correlator runs as C1 code (see {@code
     * session.JitAdvice}), where a byte loop of multiplies took about 6 % of its thread's samples (docs/DESIGN-NOTES.md
     * note 28).
     */
    long hash(byte[] a, int off, int len, long extra) {
        CRC32 c = crc;
        c.reset();
        c.update(a, off, len);
        long h = (c.getValue() ^ (long) len << 32 ^ extra * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L;
        return h ^ h >>> 29;
    }

    int size() {
        return size;
    }

    /** The id of the key {@code a[off, off+len)} with {@code extra}, or -1. */
    int find(byte[] a, int off, int len, long extra) {
        return find(a, off, len, extra, hash(a, off, len, extra));
    }

    /** {@link #find(byte[], int, int, long)} with the key's {@link #hash} already computed. */
    int find(byte[] a, int off, int len, long extra, long h) {
        long[] s = slots;
        int mask = s.length - 1;
        int high = (int) (h >>> 32);
        for (int i = high & mask; ; i = (i + 1) & mask) {
            long slot = s[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == high) {
                int id = (int) slot - 1;
                int r = RECORD * id;
                if (records[r + EXTRA] == extra && records[r + LENGTH] == len && sameBytes(id, a, off, len)) {
                    return id;
                }
            }
        }
    }

    /** Adds a key that {@link #find} did not find; returns its id. */
    int add(byte[] a, int off, int len, long extra) {
        return add(a, off, len, extra, hash(a, off, len, extra));
    }

    /** {@link #add(byte[], int, int, long)} with the key's {@link #hash} already computed. */
    int add(byte[] a, int off, int len, long extra, long h) {
        int id = freeCount > 0 ? free[--freeCount] : newId();
        int r = RECORD * id;
        records[r + HASH] = h;
        records[r + EXTRA] = extra;
        records[r + START] = store(a, off, len);
        records[r + LENGTH] = len;
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        insert(slots, (h >>> 32) << 32 | (id + 1));
        size++;
        return id;
    }

    /** Forgets a key; its id may be given to a later key. */
    void remove(int id) {
        int r = RECORD * id;
        long[] s = slots;
        int mask = s.length - 1;
        int i = (int) (records[r + HASH] >>> 32) & mask;
        while ((int) s[i] != id + 1) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion: pull later entries of the probe run into the hole
        int hole = i;
        for (int j = (hole + 1) & mask; s[j] != 0; j = (j + 1) & mask) {
            int home = (int) (s[j] >>> 32) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                s[hole] = s[j];
                hole = j;
            }
        }
        s[hole] = 0;
        size--;
        int page = (int) (records[r + START] >>> PAGE_BITS);
        if (--pageKeys.get(page)[0] == 0 && page != pages.size() - 1) {
            pages.set(page, null); // every key of an old page is gone
        }
        records[r + LENGTH] = -1;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = id;
    }

    /** The key's bytes as text (UTF-8). */
    String text(int id) {
        int r = RECORD * id;
        long start = records[r + START];
        return new String(pages.get((int) (start >>> PAGE_BITS)), (int) start & (PAGE - 1), (int) records[r + LENGTH],
                StandardCharsets.UTF_8);
    }

    long extra(int id) {
        return records[RECORD * id + EXTRA];
    }

    private boolean sameBytes(int id, byte[] a, int off, int len) {
        long start = records[RECORD * id + START];
        int at = (int) start & (PAGE - 1);
        return Arrays.equals(pages.get((int) (start >>> PAGE_BITS)), at, at + len, a, off, off + len);
    }

    private int newId() {
        int id = ids++;
        if (RECORD * id == records.length) {
            records = Arrays.copyOf(records, 2 * records.length);
        }
        return id;
    }

    /** Copies the bytes into the newest page (a new one when they do not fit); returns where they are. */
    private long store(byte[] a, int off, int len) {
        if (used + len > PAGE) {
            pages.add(new byte[Math.max(PAGE, len)]);
            pageKeys.add(new int[1]);
            used = 0;
        }
        int page = pages.size() - 1;
        System.arraycopy(a, off, pages.get(page), used, len);
        pageKeys.get(page)[0]++;
        long start = (long) page << PAGE_BITS | used;
        used += len;
        return start;
    }

    /** Puts a slot's value at the first free place from its home. */
    private static void insert(long[] s, long slot) {
        int mask = s.length - 1;
        int i = (int) (slot >>> 32) & mask;
        while (s[i] != 0) {
            i = (i + 1) & mask;
        }
        s[i] = slot;
    }

    /** Doubles the slots, re-inserting from the hashes' high halves they keep. */
    private void grow() {
        long[] old = slots;
        long[] s = new long[old.length * 2];
        for (long slot : old) {
            if (slot != 0) {
                insert(s, slot);
            }
        }
        slots = s;
    }
}
