package dev.parley.decode.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Recently made Strings of header values that repeat across a capture (users, display names, Request-URIs, reason
 * phrases, User-Agents), looked up by their bytes, so that most of them are found here instead of being allocated
 * anew: the load's allocation rate, and with it the garbage collector's work, drops. Values unique to a call or a
 * transaction (Call-ID, tags, branch) are not looked up here: they would only evict the repeating ones. A small
 * direct-mapped table (it must stay in the CPU caches to beat an allocation), hashed on the length and the first and
 * last eight bytes; a hit is confirmed by comparing all bytes. One per scanning thread: not thread-safe.
 */
final class TextCache {
    /**
     * 4096 slots (32 KiB of references): on the synthetic capture's ~1,000 repeating values a load misses 69 k times
     * in 4.2 M lookups, against 222 k with 1024 slots (collisions in a direct-mapped table).
     */
    private static final int BITS = 12;
    private static final int MAX_LENGTH = 128;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        long h = n;
        if (n >= 8) {
            h ^= (long) LONGS.get(a, s) * 0x9E3779B97F4A7C15L ^ (long) LONGS.get(a, e - 8);
        } else {
            for (int i = s; i < e; i++) {
                h = h * 31 + a[i];
            }
        }
        int idx = (int) ((h * 0xC2B2AE3D27D4EB4FL) >>> (64 - BITS));
        byte[] key = keys[idx];
        if (key != null && key.length == n && Arrays.equals(key, 0, n, a, s, e)) {
            return values[idx];
        }
        String v = ByteText.text(a, s, e);
        keys[idx] = Arrays.copyOfRange(a, s, e);
        values[idx] = v;
        return v;
    }

    /** {@code cache.text(...)} when there is a cache, else a new String. */
    static String text(TextCache cache, byte[] a, int s, int e) {
        return cache == null ? ByteText.text(a, s, e) : cache.text(a, s, e);
    }
}
