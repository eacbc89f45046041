package dev.parley.decode.sip;

import java.util.Map;

/** Shared parsing of "Scheme name=value, name="quoted", ..." (RFC 2617 as used by RFC 3261 section 22). */
final class DigestParams {
    private DigestParams() {
    }

    static String scheme(String s) {
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        return t.substring(0, sp);
    }

    static Map<String, String> params(String s) {
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        if (t.substring(0, sp).indexOf('=') >= 0) {
            sp = 0; // no scheme token
        }
        return Params.parse(t, sp, ',');
    }
}
