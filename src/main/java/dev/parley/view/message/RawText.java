package dev.parley.view.message;

import java.nio.charset.StandardCharsets;

/**
 * The message bytes as displayable text plus the byte-offset to char-index map a highlight needs: UTF-8 sequences
 * become one char, CR before LF is dropped (text controls drop it anyway), other control and invalid bytes become a
 * middle dot, so a byte range always maps to one char range.
 */
final class RawText {
    private static final char PLACEHOLDER = '\u00b7';

    private final String text;
    private final int[] index;

    private RawText(String text, int[] index) {
        this.text = text;
        this.index = index;
    }

    static RawText of(byte[] a) {
        // in a CRLF message a bare LF is binary body data (ISUP, SMS), not a line break
        boolean crlf = startsWithCrlfLine(a);
        StringBuilder sb = new StringBuilder(a.length);
        int[] index = new int[a.length + 1];
        int i = 0;
        while (i < a.length) {
            int c = a[i] & 0xff;
            index[i] = sb.length();
            if (c == '\r' && i + 1 < a.length && a[i + 1] == '\n') {
                i++;
                continue;
            }
            if ((c == '\n' && (!crlf || (i > 0 && a[i - 1] == '\r'))) || c == '\t' || (c >= 0x20 && c < 0x7f)) {
                sb.append((char) c);
                i++;
                continue;
            }
            int n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
            if (c >= 0x80 && n > 0 && i + n <= a.length && continuation(a, i + 1, i + n)) {
                String s = new String(a, i, n, StandardCharsets.UTF_8);
                sb.append(s);
                for (int k = 1; k < n; k++) {
                    index[i + k] = index[i];
                }
                i += n;
                continue;
            }
            sb.append(PLACEHOLDER);
            i++;
        }
        index[a.length] = sb.length();
        return new RawText(sb.toString(), index);
    }

    private static boolean startsWithCrlfLine(byte[] a) {
        for (int i = 0; i < a.length && i < 4096; i++) {
            if (a[i] == '\n') {
                return i > 0 && a[i - 1] == '\r';
            }
        }
        return false;
    }

    private static boolean continuation(byte[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            if ((a[k] & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    /** Char index of the byte at {@code byteOffset}, clamped to the text. */
    int charIndex(int byteOffset) {
        if (index.length == 0) {
            return 0;
        }
        return index[Math.max(0, Math.min(byteOffset, index.length - 1))];
    }
}
