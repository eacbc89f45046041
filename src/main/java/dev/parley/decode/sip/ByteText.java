package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;

/**
 * Byte-range primitives of the scanner: white space skipping and trimming, byte search, ASCII lower case, decimal
 * numbers and the few Strings the summary keeps. Static methods on byte arrays, small enough to be inlined.
 */
final class ByteText {
    private ByteText() {
    }

    static int lower(byte[] a, int i) {
        int c = a[i];
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Index of {@code b} in [from, to), or -1. */
    static int indexOf(byte[] a, byte b, int from, int to) {
        return StartLine.indexOf(a, b, from, to, -1);
    }

    static int skipWs(byte[] a, int p, int e) {
        while (p < e && (a[p] == ' ' || a[p] == '\t')) {
            p++;
        }
        return p;
    }

    /** Skips white space including the CR/LF of folded lines. */
    static int skipWsFold(byte[] a, int p, int e) {
        while (p < e && (a[p] == ' ' || a[p] == '\t' || a[p] == '\r' || a[p] == '\n')) {
            p++;
        }
        return p;
    }

    static int trimEnd(byte[] a, int s, int e) {
        while (e > s && (a[e - 1] == ' ' || a[e - 1] == '\t' || a[e - 1] == '\r' || a[e - 1] == '\n')) {
            e--;
        }
        return e;
    }

    static String text(byte[] a, int s, int e) {
        return s >= e ? "" : new String(a, s, e - s, StandardCharsets.UTF_8);
    }

    /** A value; folded values have each CRLF + whitespace run replaced by one space. */
    static String value(byte[] a, int s, int e, boolean folded) {
        return folded ? Quoted.unfold(a, s, e) : text(a, s, e);
    }

    /** The decimal number in [vs, ve) (at most 12 digits), or -1 when empty or not all digits. */
    static long number(byte[] a, int vs, int ve) {
        if (vs >= ve) {
            return -1;
        }
        long n = 0;
        for (int i = vs; i < ve; i++) {
            byte c = a[i];
            if (!StartLine.isDigit(c) || i - vs >= 12) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Index after the first empty line at or after {@code s}, -1 when there is none. */
    static int afterBlankLine(byte[] a, int s, int e) {
        if (s < 0) {
            return -1;
        }
        int lineStart = s;
        for (int i = s; i < e; i++) {
            if (a[i] == '\n') {
                int len = i - lineStart;
                if (len == 0 || (len == 1 && a[lineStart] == '\r')) {
                    return i + 1;
                }
                lineStart = i + 1;
            }
        }
        return -1;
    }
}
