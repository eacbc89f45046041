package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;

/** Quoted-string and line-folding helpers over raw bytes. */
final class Quoted {
    private Quoted() {
    }

    /** The text of a quoted string's inside [s, e), with backslash escapes resolved. */
    static String unquote(byte[] a, int s, int e) {
        return unquote(null, a, s, e);
    }

    /** True when the quoted text in [s, e) has no escape and no line break: its bytes are its text. */
    static boolean isPlain(byte[] a, int s, int e) {
        for (int i = s; i < e; i++) {
            if (a[i] == '\\' || a[i] == '\r' || a[i] == '\n') {
                return false;
            }
        }
        return true;
    }

    /** {@link #unquote(byte[], int, int)}, taking an unescaped text from {@code cache} when there is one. */
    static String unquote(TextCache cache, byte[] a, int s, int e) {
        if (isPlain(a, s, e)) {
            return TextCache.text(cache, a, s, e);
        }
        byte[] out = new byte[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = a[i];
            if (c == '\\' && i + 1 < e) {
                out[n++] = a[++i];
            } else if (c == '\r' || c == '\n') {
                if (n > 0 && out[n - 1] != ' ') {
                    out[n++] = ' ';
                }
                while (i + 1 < e && (a[i + 1] == ' ' || a[i + 1] == '\t' || a[i + 1] == '\r' || a[i + 1] == '\n')) {
                    i++;
                }
            } else {
                out[n++] = c;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** [s, e) with each line break plus the whitespace around it replaced by one space. */
    static String unfold(byte[] a, int s, int e) {
        byte[] out = new byte[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = a[i];
            if (c == '\r' || c == '\n') {
                while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) {
                    n--;
                }
                while (i + 1 < e && (a[i + 1] == ' ' || a[i + 1] == '\t' || a[i + 1] == '\r' || a[i + 1] == '\n')) {
                    i++;
                }
                out[n++] = ' ';
            } else {
                out[n++] = c;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
