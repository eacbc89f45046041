package dev.parley.decode.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level recognition of a SIP start line, shared by the scanner, the framer and the parser so that all three
 * agree on what is SIP. Works on a raw array range to stay allocation-free on the hot path.
 */
final class RefStartLine {
    /** Longest method token accepted; registered methods are at most 9 characters, extensions rarely longer. */
    static final int MAX_METHOD = 32;
    /** Junk bytes tolerated before a known method (tshark does the same, Zeek GH-1507). */
    static final int MAX_JUNK = 16;

    private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};
    private static final String[] KNOWN = {"INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "PRACK",
            "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"};

    private RefStartLine() {
    }

    /** Index of the LF ending the line that starts at {@code from}, or {@code end} when there is none. */
    static int lineEnd(byte[] a, int from, int end) {
        return indexOf(a, (byte) '\n', from, end, end);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

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
        int p = from;
        while (p < end && p - from <= MAX_METHOD && isMethodChar(a[p])) {
            p++;
        }
        int methodLength = p - from;
        if (methodLength == 0 || methodLength > MAX_METHOD || a[from] < 'A' || a[from] > 'Z'
                || p >= end || a[p] != ' ') {
            return 0;
        }
        int uriStart = ++p;
        boolean colon = false;
        while (p < end && a[p] != ' ') {
            if (a[p] == ':') {
                colon = true;
            } else if ((a[p] & 0xff) < 0x21 || a[p] == 0x7f) {
                return 0;
            }
            p++;
        }
        if (p == uriStart || !colon || p >= end) {
            return 0;
        }
        p++;
        return end - p == 7 && isVersion(a, p) ? methodLength : 0;
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
        if (p >= end) {
            return -1;
        }
        if (isStartLine(a, p, end)) {
            junk[0] = 0;
            int e = trimCr(a, p, lineEnd(a, p, end));
            int ml = requestMethodLength(a, p, e);
            if (ml > 0 && !isKnownMethod(a, p, ml)) {
                // "DBREGISTER": an extension-method token that is junk glued to a known method, as tshark reads it
                for (int q = p + 1; q < p + ml && q - p <= MAX_JUNK; q++) {
                    if (isKnownMethod(a, q, p + ml - q)) {
                        junk[0] = q - p;
                        return q;
                    }
                }
            }
            return p;
        }
        int limit = Math.min(end, p + MAX_JUNK + 1);
        for (int q = p + 1; q < limit; q++) {
            if (a[q] >= 'A' && a[q] <= 'Z' && startsWithKnownMethod(a, q, end) && isStartLine(a, q, end)) {
                junk[0] = q - p;
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
        for (String m : KNOWN) {
            if (m.length() == n) {
                boolean same = true;
                for (int i = 0; i < n; i++) {
                    if (a[p + i] != m.charAt(i)) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithKnownMethod(byte[] a, int p, int end) {
        for (String m : KNOWN) {
            int len = m.length();
            if (p + len < end && a[p + len] == ' ') {
                boolean same = true;
                for (int i = 0; i < len; i++) {
                    if (a[p + i] != m.charAt(i)) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isVersion(byte[] a, int p) {
        for (int i = 0; i < 7; i++) {
            int c = a[p + i];
            if (c != VERSION[i] && (c | 0x20) != (VERSION[i] | 0x20)) {
                return false;
            }
        }
        return true;
    }

    static boolean isMethodChar(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '!'
                || c == '%' || c == '*' || c == '+' || c == '`' || c == '\'' || c == '~';
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
