package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A few ASCII constants (methods, header names, media types, transports) found by their bytes: one probe by first
 * letter and length, then one compare loop shared by every constant. A switch with a compare per constant compiles
 * to much larger code, and C2 compiles only the branches taken so far: each method first seen later in a capture
 * deoptimized the method switch and made C2 compile it again, six times per load of the synthetic capture
 * (docs/DESIGN-NOTES.md note 19). Immutable once built; safe to share between threads.
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
    }

    /** Index of the key equal to a[p, p + n), or -1. */
    int find(byte[] a, int p, int n) {
        if (n <= 0 || n > MAX_LENGTH) {
            return -1;
        }
        for (int i = first[slot(a[p], n)] - 1; i >= 0; i = next[i] - 1) {
            if (equal(a, p, keys[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Letters share a slot with their other case (and a few other bytes: the compare tells them apart). */
    private static int slot(byte firstByte, int length) {
        return ((firstByte | 0x20) & 31) << 6 | length;
    }

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
