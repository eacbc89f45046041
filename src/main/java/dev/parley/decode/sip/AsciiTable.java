package dev.parley.decode.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A few ASCII constants (methods, header names, media types, transports) found by their bytes: one probe by first
 * letter and length, then one compare loop shared by every constant. A switch with a compare per constant compiles
 * to much larger code, and C2 compiles only the branches taken so far: each method first seen later in a capture
 * deoptimized the method switch and made C2 compile it again, six times per load of the synthetic capture
 * (docs/DESIGN-NOTES.md note 19). The compare reads eight bytes at a time where the array has them: a header name
 * lookup per summary header line made the byte loop some 12 % of the reading thread's samples (note 20). Immutable
 * once built; safe to share between threads.
 */
final class AsciiTable {
    private static final int MAX_LENGTH = 63;

    private final byte[][] keys;
    /** Per (first letter, length): index + 1 of the first key there, 0 for none. */
    private final byte[] first = new byte[32 * (MAX_LENGTH + 1)];
    /** Per key: index + 1 of the next key with the same first letter and length, 0 for none. */
    private final byte[] next;
    private final boolean ignoreCase;
    /**
     * Per key, eight bytes per word (little-endian, as {@link #LONGS} reads them), from {@code word[i]} on: the key
     * ({@code lower}), 0x20 where a byte is a letter that may come in either case ({@code fold}: OR-ing it into the
     * bytes read maps an upper-case letter, and only that, onto the key's lower-case one), 0xFF where the key has a
     * byte ({@code valid}: the bytes after the name are masked off).
     */
    private final int[] word;
    private final long[] lower;
    private final long[] fold;
    private final long[] valid;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * @param ignoreCase true: A-Z in the bytes also match their lower-case letters, and the keys must be given in
     *                   lower case; false: bytes must equal the keys exactly
     */
    AsciiTable(boolean ignoreCase, String... keys) {
        if (keys.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most 127 keys");
        }
        this.ignoreCase = ignoreCase;
        this.keys = new byte[keys.length][];
        this.next = new byte[keys.length];
        this.word = new int[keys.length + 1];
        for (int i = keys.length - 1; i >= 0; i--) {
            byte[] k = keys[i].getBytes(StandardCharsets.US_ASCII);
            if (k.length == 0 || k.length > MAX_LENGTH || ignoreCase && !keys[i].equals(keys[i].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("bad key " + keys[i]);
            }
            this.keys[i] = k;
            int s = slot(k[0], k.length);
            next[i] = first[s];
            first[s] = (byte) (i + 1);
        }
        for (int i = 0; i < keys.length; i++) {
            word[i + 1] = word[i] + (this.keys[i].length + 7) / 8;
        }
        lower = new long[word[keys.length]];
        fold = new long[lower.length];
        valid = new long[lower.length];
        for (int i = 0; i < keys.length; i++) {
            byte[] k = this.keys[i];
            for (int j = 0; j < k.length; j++) {
                int w = word[i] + j / 8;
                int shift = 8 * (j % 8);
                lower[w] |= (k[j] & 0xffL) << shift;
                valid[w] |= 0xffL << shift;
                if (ignoreCase && k[j] >= 'a' && k[j] <= 'z') {
                    fold[w] |= 0x20L << shift;
                }
            }
        }
    }

    /** Index of the key equal to a[p, p + n), or -1. */
    int find(byte[] a, int p, int n) {
        if (n <= 0 || n > MAX_LENGTH) {
            return -1;
        }
        for (int i = first[slot(a[p], n)] - 1; i >= 0; i = next[i] - 1) {
            if (p + 8 * (word[i + 1] - word[i]) <= a.length ? equalWords(a, p, i) : equal(a, p, keys[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Letters share a slot with their other case (and a few other bytes: the compare tells them apart). */
    private static int slot(byte firstByte, int length) {
        return ((firstByte | 0x20) & 31) << 6 | length;
    }

    /** Key {@code k} at {@code p}, eight bytes at a time (the array holds every word read). */
    private boolean equalWords(byte[] a, int p, int k) {
        for (int w = word[k], end = word[k + 1]; w < end; w++, p += 8) {
            if ((((long) LONGS.get(a, p) | fold[w]) & valid[w]) != lower[w]) {
                return false;
            }
        }
        return true;
    }

    /** The same compare a byte at a time, for a name too near the end of its array to read whole words. */
    private boolean equal(byte[] a, int p, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            int c = a[p + i];
            int d = key[i];
            if (c != d && (!ignoreCase || c < 'A' || c > 'Z' || c + 32 != d)) {
                return false;
            }
        }
        return true;
    }
}
