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
 * probing over slots holding an id and the key's hash; backward-shift deletion; ids of removed keys are reused (a free
 * list), and the bytes live in pages that are dropped once all their keys are removed, so that a capture whose
 * Call-IDs come and go (eviction past {@code Limits.maxCalls}) keeps a bounded table. Not thread-safe.
 */
final class KeyTable {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;

    private int[] slots = new int[1 << 10]; // id + 1, 0 = free
    private long[] slotHashes = new long[1 << 10];
    private int size;
    // per id
    private long[] hashes = new long[256];
    private long[] extras = new long[256];
    private long[] starts = new long[256]; // page << PAGE_BITS | offset
    private int[] lengths = new int[256];
    private int ids; // ids given out so far (the highest + 1)
    private int[] free = new int[16];
    private int freeCount;
    private final CRC32 crc = new CRC32(); // reset for each hash
    // the bytes
    private final List<byte[]> pages = new ArrayList<>();
    private final List<int[]> pageKeys = new ArrayList<>(); // keys still in each page
    private int used = PAGE; // in the newest page: full, so that the first key opens one

    /**
     * The hash of a key: the CRC-32 of its bytes, mixed with its length and its number. Never 0. CRC-32 because
     * HotSpot computes it with an intrinsic in every tier, the interpreter included: the correlator runs as C1 code
     * (see {@code session.JitAdvice}), where a byte loop of multiplies took about 6 % of its thread's samples
     * (docs/DESIGN-NOTES.md note 28).
     */
    long hash(byte[] a, int off, int len, long extra) {
        CRC32 c = crc;
        c.reset();
        c.update(a, off, len);
        long h = (c.getValue() ^ (long) len << 32 ^ extra * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
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
        int mask = slots.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (id < 0) {
                return -1;
            }
            if (slotHashes[i] == h && extras[id] == extra && lengths[id] == len && sameBytes(id, a, off, len)) {
                return id;
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
        hashes[id] = h;
        extras[id] = extra;
        lengths[id] = len;
        starts[id] = store(a, off, len);
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        insert(h, id + 1);
        size++;
        return id;
    }

    /** Forgets a key; its id may be given to a later key. */
    void remove(int id) {
        long h = hashes[id];
        int mask = slots.length - 1;
        int i = (int) h & mask;
        while (slots[i] != id + 1) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion: pull later entries of the probe run into the hole
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = (int) slotHashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                slots[hole] = slots[j];
                slotHashes[hole] = slotHashes[j];
                hole = j;
            }
        }
        slots[hole] = 0;
        size--;
        int page = (int) (starts[id] >>> PAGE_BITS);
        if (--pageKeys.get(page)[0] == 0 && page != pages.size() - 1) {
            pages.set(page, null); // every key of an old page is gone
        }
        lengths[id] = -1;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = id;
    }

    /** The key's bytes as text (UTF-8). */
    String text(int id) {
        long start = starts[id];
        return new String(pages.get((int) (start >>> PAGE_BITS)), (int) start & (PAGE - 1), lengths[id],
                StandardCharsets.UTF_8);
    }

    long extra(int id) {
        return extras[id];
    }

    private boolean sameBytes(int id, byte[] a, int off, int len) {
        long start = starts[id];
        int at = (int) start & (PAGE - 1);
        return Arrays.equals(pages.get((int) (start >>> PAGE_BITS)), at, at + len, a, off, off + len);
    }

    private int newId() {
        int id = ids++;
        if (id == hashes.length) {
            int n = id * 2;
            hashes = Arrays.copyOf(hashes, n);
            extras = Arrays.copyOf(extras, n);
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
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

    private void insert(long h, int idPlusOne) {
        int mask = slots.length - 1;
        int i = (int) h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = idPlusOne;
        slotHashes[i] = h;
    }

    /** Doubles the slots, re-inserting from the kept hashes. */
    private void grow() {
        int[] oldSlots = slots;
        long[] oldHashes = slotHashes;
        slots = new int[oldSlots.length * 2];
        slotHashes = new long[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldHashes[i], oldSlots[i]);
            }
        }
    }
}
