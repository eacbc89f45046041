package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;

/** The first characters of a MESSAGE body: text/plain as is, message/cpim with its two header blocks skipped. */
final class TextPreview {
    private TextPreview() {
    }

    static String of(byte[] a, int s, int e, String contentType) {
        if (contentType.equals("message/cpim")) {
            s = afterBlankLine(a, s, e); // CPIM message headers
            s = afterBlankLine(a, s, e); // inner MIME headers
            if (s < 0) {
                return null;
            }
        } else if (!contentType.startsWith("text/")) {
            return null;
        }
        int n = Math.min(e - s, SipScanner.PREVIEW * 4);
        String text = new String(a, s, n, StandardCharsets.UTF_8).strip();
        return text.length() > SipScanner.PREVIEW ? text.substring(0, SipScanner.PREVIEW) : text;
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
