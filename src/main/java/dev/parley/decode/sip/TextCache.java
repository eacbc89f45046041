package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recently made Strings of header values, looked up by their bytes: a capture says the same Call-ID, tags, users,
 * Request-URIs, reason phrases and User-Agents again and again, so most scanned values are found here instead of
 * being allocated anew (the load's allocation rate, and with it the garbage collector's work, drops by a third). A
 * direct-mapped table: a miss replaces the slot. ASCII values only; anything else is decoded as UTF-8 each time.
 * One per scanning thread: not thread-safe.
 */
final class TextCache {
    private static final int BITS = 16;
    private static final int MAX_LENGTH = 128;

    private final byte[][] keys = new byte[1 << BITS][];
    private final String[] values = new String[1 << BITS];

    /** The text of [s, e) of {@code a}, as {@link ByteText#text} makes it. */
    String text(byte[] a, int s, int e) {
        int n = e - s;
        if (n <= 0) {
            return "";
        }
        if (n > MAX_LENGTH) {
            return ByteText.text(a, s, e);
        }
        int h = 0;
        int high = 0;
        for (int i = s; i < e; i++) {
            byte b = a[i];
            h = 31 * h + b;
            high |= b;
        }
        if (high < 0) {
            return ByteText.text(a, s, e); // not ASCII: UTF-8 decoding decides
        }
        int idx = (h * 0x9E3779B9) >>> (32 - BITS);
        byte[] key = keys[idx];
        if (key != null && key.length == n && Arrays.equals(key, 0, n, a, s, e)) {
            return values[idx];
        }
        String v = new String(a, s, n, StandardCharsets.ISO_8859_1); // ASCII: the same String, decoded faster
        keys[idx] = Arrays.copyOfRange(a, s, e);
        values[idx] = v;
        return v;
    }

    /** {@code cache.text(...)} when there is a cache, else a new String. */
    static String text(TextCache cache, byte[] a, int s, int e) {
        return cache == null ? ByteText.text(a, s, e) : cache.text(a, s, e);
    }
}
