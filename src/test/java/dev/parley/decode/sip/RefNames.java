package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level lookups for the scanner: which of the summary's headers a name is (full or compact form, any case),
 * and shared String constants for common methods, transports and media types so 900k summaries don't each hold
 * their own copy of "INVITE" or "application/sdp".
 */
final class RefNames {
    static final int OTHER = 0;
    static final int CALL_ID = 1;
    static final int FROM = 2;
    static final int TO = 3;
    static final int CSEQ = 4;
    static final int VIA = 5;
    static final int CONTENT_TYPE = 6;
    static final int CONTENT_LENGTH = 7;
    static final int EXPIRES = 8;
    static final int CONTACT = 9;
    static final int REASON = 10;
    static final int CORRELATION = 11;
    static final int USER_AGENT = 12;

    private static final String[] METHODS = {"INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "PRACK",
            "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"};
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS", "TLS-SCTP", "DTLS"};
    private static final String[] MEDIA = {"application/sdp", "multipart/mixed", "text/plain", "message/cpim",
            "application/isup", "application/pidf+xml", "application/dtmf-relay", "message/sipfrag",
            "application/vnd.3gpp.sms", "multipart/related", "application/reginfo+xml",
            "application/simple-message-summary", "application/xml", "text/html"};

    private RefNames() {
    }

    static int id(byte[] a, int p, int n) {
        switch (n) {
            case 1:
                switch (a[p] | 0x20) {
                    case 'i': return CALL_ID;
                    case 'f': return FROM;
                    case 't': return TO;
                    case 'v': return VIA;
                    case 'c': return CONTENT_TYPE;
                    case 'l': return CONTENT_LENGTH;
                    case 'm': return CONTACT;
                    default: return OTHER;
                }
            case 2: return is(a, p, "to") ? TO : OTHER;
            case 3: return is(a, p, "via") ? VIA : OTHER;
            case 4: return is(a, p, "from") ? FROM : is(a, p, "cseq") ? CSEQ : OTHER;
            case 5: return is(a, p, "x-cid") ? CORRELATION : OTHER;
            case 6: return is(a, p, "reason") ? REASON : is(a, p, "server") ? USER_AGENT : OTHER;
            case 7: return is(a, p, "call-id") ? CALL_ID : is(a, p, "expires") ? EXPIRES
                    : is(a, p, "contact") ? CONTACT : OTHER;
            case 9: return is(a, p, "x-call-id") ? CORRELATION : OTHER;
            case 10: return is(a, p, "user-agent") ? USER_AGENT : OTHER;
            case 12: return is(a, p, "content-type") ? CONTENT_TYPE : OTHER;
            case 14: return is(a, p, "content-length") ? CONTENT_LENGTH : OTHER;
            default: return OTHER;
        }
    }

    /** Case-insensitive comparison with a lower-case ASCII name. */
    static boolean is(byte[] a, int p, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            int c = a[p + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static String method(byte[] a, int p, int n) {
        for (String m : METHODS) {
            if (same(a, p, n, m, false)) {
                return m;
            }
        }
        return new String(a, p, n, StandardCharsets.ISO_8859_1);
    }

    static String transport(byte[] a, int s, int e) {
        for (String t : TRANSPORTS) {
            if (same(a, s, e - s, t, true)) {
                return t;
            }
        }
        return s >= e ? null : new String(a, s, e - s, StandardCharsets.ISO_8859_1).toUpperCase(java.util.Locale.ROOT);
    }

    /** The media type in lower case; common ones are shared constants. */
    static String mediaType(byte[] a, int s, int e) {
        if (s >= e) {
            return null;
        }
        for (String m : MEDIA) {
            if (same(a, s, e - s, m, true)) {
                return m;
            }
        }
        char[] c = new char[e - s];
        for (int i = 0; i < c.length; i++) {
            int b = a[s + i] & 0xff;
            c[i] = (char) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        return new String(c);
    }

    private static boolean same(byte[] a, int p, int n, String s, boolean ignoreCase) {
        if (n != s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = a[p + i];
            int d = s.charAt(i);
            if (c != d && !(ignoreCase && (c | 0x20) == (d | 0x20) && Character.isLetter(d))) {
                return false;
            }
        }
        return true;
    }
}
