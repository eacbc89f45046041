package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;

/** The first characters of a MESSAGE body: text/plain as is, message/cpim with its two header blocks skipped. */
final class TextPreview {
    private TextPreview() {
    }

    static String of(byte[] a, int s, int e, String contentType) {
        if (contentType.equals("message/cpim")) {
            s = ByteText.afterBlankLine(a, s, e); // CPIM message headers
            s = ByteText.afterBlankLine(a, s, e); // inner MIME headers
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
}
