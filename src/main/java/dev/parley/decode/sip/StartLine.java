package dev.parley.decode.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level recognition of a SIP start line, shared by the scanner, the framer and the parser so that all three
 * agree on what is SIP. Works on a raw array range to stay allocation-free on the hot path.
 */
final class StartLine {
    /** Longest method token accepted; registered methods are at most 9 characters, extensions rarely longer. */
    static final int MAX_METHOD = 32;
    /** Junk bytes tolerated before a known method (tshark does the same, Zeek GH-1507). */
    static final int MAX_JUNK = 16;

    private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};
    private static final boolean[] METHOD_CHAR = new boolean[256];
    /** Bytes that end a request line's uri (SP, controls, DEL) and so make the line no request line. */
    private static final boolean[] URI_BAD = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            METHOD_CHAR[c] = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!%*+`'~".indexOf(c) >= 0;
            URI_BAD[c] = c < 0x21 || c == 0x7f;
        }
    }

    private StartLine() {
    }

    /** Index of the LF ending the line that starts at {@code from}, or {@code end} when there is none. */
    static int lineEnd(byte[] a, int from, int end) {
        return indexOf(a, (byte) '\n', from, end, end);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** isVersion compares (byte | 0x20) per byte: the same as the byte or, for letters, the other case. */
    private static final long VERSION_CASE = 0x0020202020202020L;
    private static final long SEVEN_BYTES = 0x00ffffffffffffffL;
    private static final long VERSION_LOWER = versionLower();

    private static long versionLower() {
        long v = 0;
        for (int i = 6; i >= 0; i--) {
            v = (v << 8) | ((VERSION[i] | 0x20) & 0xff);
        }
        return v;
    }

    /**
     * First index of {@code b} in [from, end), or {@code notFound}. Reads eight bytes at a time (SWAR zero-byte
     * test): line and delimiter searches dominate the scanner's time.
     */
    static int indexOf(byte[] a, byte b, int from, int end, int notFound) {
        int i = from;
        long pattern = (b & 0xffL) * ONES;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return notFound;
    }

    /**
     * First index in [from, end) of any of the three bytes, or {@code notFound}: the SWAR test of {@link #indexOf}
     * with three patterns per word.
     */
    static int indexOfAny(byte[] a, byte b1, byte b2, byte b3, int from, int end, int notFound) {
        int i = from;
        long p1 = (b1 & 0xffL) * ONES;
        long p2 = (b2 & 0xffL) * ONES;
        long p3 = (b3 & 0xffL) * ONES;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(a, i);
            long x1 = w ^ p1;
            long x2 = w ^ p2;
            long x3 = w ^ p3;
            long found = ((x1 - ONES) & ~x1 | (x2 - ONES) & ~x2 | (x3 - ONES) & ~x3) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte c = a[i];
            if (c == b1 || c == b2 || c == b3) {
                return i;
            }
        }
        return notFound;
    }

    /** {@code lf} without a CR just before it. */
    static int trimCr(byte[] a, int from, int lf) {
        return lf > from && a[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** True for "SIP/2.0 ddd" followed by SP or the end of the line. */
    static boolean isStatusLine(byte[] a, int from, int end) {
        if (end - from < 11 || !isVersion(a, from)) {
            return false;
        }
        int p = from + 7;
        return a[p] == ' ' && isDigit(a[p + 1]) && isDigit(a[p + 2]) && isDigit(a[p + 3])
                && a[p + 1] >= '1' && a[p + 1] <= '6' && (p + 4 == end || a[p + 4] == ' ');
    }

    /**
     * Length of the method when [from, end) is "METHOD SP uri SP SIP/2.0" (method an upper-case token, uri with a
     * scheme colon and no spaces), else 0.
     */
    static int requestMethodLength(byte[] a, int from, int end) {
        if (from >= end) {
            return 0;
        }
        int c = a[from];
        int p = from + 1;
        int limit = Math.min(end, from + MAX_METHOD + 1);
        while (p < limit && METHOD_CHAR[a[p] & 0xff]) {
            p++;
        }
        // the method is followed by one SP; the line ends with SP "SIP/2.0", so the uri is [p + 1, end - 8). The
        // tests are folded into one sign bit, so that everything that is no request line (RTP, DNS...) leaves by one
        // branch: a test of its own, never failed before, would make C2 deoptimize the scanner the first time some
        // datagram (a DNS query starting with a capital letter) fails it, and compile it again.
        int v = end - 8;
        int sp = a[Math.min(p, end - 1)] ^ ' ';
        int uriEnd = a[Math.max(v, from)] ^ ' ';
        int bad = (c - 'A') | ('Z' - c) | ~(p - limit) | (v - p - 2) | (sp | -sp) | (uriEnd | -uriEnd);
        if (bad < 0 || !isVersion(a, v + 1)) {
            return 0;
        }
        return uriOk(a, p + 1, v) ? p - from : 0;
    }

    private static final long BELOW_SPACE = 0x2121212121212121L; // bytes below 0x21 (SP and the controls)
    private static final long DEL = 0x7f7f7f7f7f7f7f7fL;
    private static final long COLON = 0x3a3a3a3a3a3a3a3aL;

    /**
     * True when the Request-URI in [p, v) has a colon and no SP, control or DEL byte. Eight bytes at a time: a
     * byte-wise "any byte below n" and "any byte equal" test per word (both exact for the word as a whole).
     */
    private static boolean uriOk(byte[] a, int p, int v) {
        boolean colon = false;
        int i = p;
        for (; i + 8 <= v; i += 8) {
            long x = (long) LONGS.get(a, i);
            long del = x ^ DEL;
            if (((x - BELOW_SPACE) & ~x & HIGHS) != 0 || ((del - ONES) & ~del & HIGHS) != 0) {
                return false;
            }
            long c = x ^ COLON;
            colon |= ((c - ONES) & ~c & HIGHS) != 0;
        }
        for (; i < v; i++) {
            byte c = a[i];
            if (c == ':') {
                colon = true;
            } else if (URI_BAD[c & 0xff]) {
                return false;
            }
        }
        return colon;
    }

    /**
     * Where the SIP start line begins in [from, end): after CR/LF keep-alives, and after at most {@link #MAX_JUNK}
     * junk bytes when a known method follows. -1 when this is no SIP. {@code junk} receives the junk byte count.
     */
    static int find(byte[] a, int from, int end, int[] junk) {
        int p = from;
        while (p < end && (a[p] == '\r' || a[p] == '\n')) {
            p++;
        }
        int start = p >= end ? -1 : find(a, p, end);
        junk[0] = start < 0 ? 0 : start - p;
        return start;
    }

    /**
     * {@link #find(byte[], int, int, int[])} for {@code p} after the keep-alives: the junk byte count is the start
     * minus {@code p}.
     */
    static int find(byte[] a, int p, int end) {
        if (isStartLine(a, p, end)) {
            int e = trimCr(a, p, lineEnd(a, p, end));
            int ml = requestMethodLength(a, p, e);
            if (ml > 0 && !isKnownMethod(a, p, ml)) {
                // "DBREGISTER": an extension-method token that is junk glued to a known method, as tshark reads it
                for (int q = p + 1; q < p + ml && q - p <= MAX_JUNK; q++) {
                    if (isKnownMethod(a, q, p + ml - q)) {
                        return q;
                    }
                }
            }
            return p;
        }
        return afterJunk(a, p, end);
    }

    /**
     * The start of a start line with a known method behind 1..{@link #MAX_JUNK} junk bytes after {@code p} (where no
     * start line begins), -1 when there is none; the junk byte count is the start minus {@code p}.
     */
    static int afterJunk(byte[] a, int p, int end) {
        int limit = Math.min(end, p + MAX_JUNK + 1);
        for (int q = p + 1; q < limit; q++) {
            if (a[q] >= 'A' && a[q] <= 'Z' && startsWithKnownMethod(a, q, end) && isStartLine(a, q, end)) {
                return q;
            }
        }
        return -1;
    }

    static boolean isStartLine(byte[] a, int p, int end) {
        int lf = lineEnd(a, p, end);
        int e = trimCr(a, p, lf);
        return isStatusLine(a, p, e) || requestMethodLength(a, p, e) > 0;
    }

    /** True when the bytes so far could still grow into a SIP start line (for NeedMore on a stream). */
    static boolean couldBeStartLine(byte[] a, int p, int end) {
        int n = end - p;
        int v = Math.min(n, 7);
        boolean versionPrefix = true;
        for (int i = 0; i < v; i++) {
            if (a[p + i] != VERSION[i]) {
                versionPrefix = false;
                break;
            }
        }
        if (versionPrefix) {
            return true;
        }
        if (a[p] < 'A' || a[p] > 'Z') {
            return false;
        }
        for (int i = p; i < end; i++) {
            if (a[i] == ' ') {
                return true;
            }
            if (!isMethodChar(a[i]) || i - p > MAX_METHOD) {
                return false;
            }
        }
        return true;
    }

    static boolean isKnownMethod(byte[] a, int p, int n) {
        return Names.knownMethod(a, p, n) != null;
    }

    private static boolean startsWithKnownMethod(byte[] a, int p, int end) {
        for (int len = 3; len <= 9; len++) {
            if (p + len < end && a[p + len] == ' ' && Names.knownMethod(a, p, len) != null) {
                return true;
            }
        }
        return false;
    }

    /** "SIP/2.0" at {@code p} (seven bytes must exist), letters in any case, as one 8-byte compare when possible. */
    static boolean isVersion(byte[] a, int p) {
        if (p + 8 <= a.length) {
            long x = (long) LONGS.get(a, p);
            return ((x | VERSION_CASE) & SEVEN_BYTES) == VERSION_LOWER;
        }
        for (int i = 0; i < 7; i++) {
            int c = a[p + i];
            if (c != VERSION[i] && (c | 0x20) != (VERSION[i] | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** The 8 bytes at {@code p} (which must exist) are exactly {@code eight}, compared as one long. */
    static boolean isExactly(byte[] a, int p, byte[] eight) {
        return (long) LONGS.get(a, p) == (long) LONGS.get(eight, 0);
    }

    static boolean isMethodChar(byte c) {
        return METHOD_CHAR[c & 0xff];
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
