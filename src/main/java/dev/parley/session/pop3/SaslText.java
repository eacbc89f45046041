package dev.parley.session.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decoding of SASL lines (base64, RFC 4648) without exceptions on bad input. */
final class SaslText {
    private SaslText() {
    }

    /** The decoded bytes, or null when the text is not base64. "=" (an empty initial response) gives empty. */
    static byte[] decode(String text) {
        String t = text.trim();
        if (t.equals("=")) {
            return new byte[0];
        }
        if (t.isEmpty() || t.length() % 4 != 0) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/' || (c == '=' && i >= t.length() - 2);
            if (!ok) {
                return null;
            }
        }
        return Base64.getDecoder().decode(t);
    }

    /** Decoded as UTF-8 text, or null. */
    static String string(String text) {
        byte[] b = decode(text);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
