package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level lookups for the scanner: which of the summary's headers a name is (full or compact form, any case),
 * and shared String constants for common methods, transports and media types so 900k summaries don't each hold
 * their own copy of "INVITE" or "application/sdp".
 */
final class Names {
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
    static final int EVENT = 13;
    static final int SUBSCRIPTION_STATE = 14;

    private static final byte[] CSEQ_ = ascii("cseq");
    private static final byte[] CALL_ID_ = ascii("call-id");
    private static final byte[] CONTACT_ = ascii("contact");
    private static final byte[] CONTENT_TYPE_ = ascii("content-type");
    private static final byte[] CONTENT_LENGTH_ = ascii("content-length");
    private static final byte[] FROM_ = ascii("from");
    private static final byte[] TO_ = ascii("to");
    private static final byte[] VIA_ = ascii("via");
    private static final byte[] X_CID_ = ascii("x-cid");
    private static final byte[] X_CALL_ID_ = ascii("x-call-id");
    private static final byte[] REASON_ = ascii("reason");
    private static final byte[] SERVER_ = ascii("server");
    private static final byte[] EXPIRES_ = ascii("expires");
    private static final byte[] USER_AGENT_ = ascii("user-agent");
    private static final byte[] EVENT_ = ascii("event");
    private static final byte[] SUBSCRIPTION_STATE_ = ascii("subscription-state");
    private static final byte[] CANCEL = ascii("CANCEL");
    private static final byte[] INVITE = ascii("INVITE");
    private static final byte[] INFO = ascii("INFO");
    private static final byte[] MESSAGE = ascii("MESSAGE");
    private static final byte[] NOTIFY = ascii("NOTIFY");
    private static final byte[] OPTIONS = ascii("OPTIONS");
    private static final byte[] PRACK = ascii("PRACK");
    private static final byte[] PUBLISH = ascii("PUBLISH");
    private static final byte[] REGISTER = ascii("REGISTER");
    private static final byte[] REFER = ascii("REFER");
    private static final byte[] SUBSCRIBE = ascii("SUBSCRIBE");
    private static final byte[] UPDATE = ascii("UPDATE");
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS", "TLS-SCTP", "DTLS"};
    private static final String[] MEDIA = {"application/sdp", "multipart/mixed", "text/plain", "message/cpim",
            "application/isup", "application/pidf+xml", "application/dtmf-relay", "message/sipfrag",
            "application/vnd.3gpp.sms", "multipart/related", "application/reginfo+xml",
            "application/simple-message-summary", "application/xml", "text/html"};

    private static final boolean[] FIRST = new boolean[256];

    static {
        for (char c : "cftvilmxrseuo".toCharArray()) {
            FIRST[c] = true;
            FIRST[c - 32] = true;
        }
    }

    private Names() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Which summary header the name [p, p + n) is: a switch on its first letter, then a length check. */
    static int id(byte[] a, int p, int n) {
        if (n <= 0) {
            return OTHER;
        }
        switch (a[p] | 0x20) {
            case 'c':
                switch (n) {
                    case 1: return CONTENT_TYPE;
                    case 4: return rest(a, p, CSEQ_) ? CSEQ : OTHER;
                    case 7: return rest(a, p, CALL_ID_) ? CALL_ID : rest(a, p, CONTACT_) ? CONTACT : OTHER;
                    case 12: return rest(a, p, CONTENT_TYPE_) ? CONTENT_TYPE : OTHER;
                    case 14: return rest(a, p, CONTENT_LENGTH_) ? CONTENT_LENGTH : OTHER;
                    default: return OTHER;
                }
            case 'f':
                return n == 1 ? FROM : n == 4 && rest(a, p, FROM_) ? FROM : OTHER;
            case 't':
                return n == 1 ? TO : n == 2 && rest(a, p, TO_) ? TO : OTHER;
            case 'v':
                return n == 1 ? VIA : n == 3 && rest(a, p, VIA_) ? VIA : OTHER;
            case 'i':
                return n == 1 ? CALL_ID : OTHER;
            case 'l':
                return n == 1 ? CONTENT_LENGTH : OTHER;
            case 'm':
                return n == 1 ? CONTACT : OTHER;
            case 'x':
                return n == 5 && rest(a, p, X_CID_) || n == 9 && rest(a, p, X_CALL_ID_) ? CORRELATION : OTHER;
            case 'r':
                return n == 6 && rest(a, p, REASON_) ? REASON : OTHER;
            case 's':
                return n == 6 && rest(a, p, SERVER_) ? USER_AGENT
                        : n == 18 && rest(a, p, SUBSCRIPTION_STATE_) ? SUBSCRIPTION_STATE : OTHER;
            case 'e':
                return n == 7 && rest(a, p, EXPIRES_) ? EXPIRES : n == 5 && rest(a, p, EVENT_) ? EVENT : OTHER;
            case 'o':
                return n == 1 ? EVENT : OTHER;
            case 'u':
                return n == 10 && rest(a, p, USER_AGENT_) ? USER_AGENT : OTHER;
            default:
                return OTHER;
        }
    }

    /** False when no summary header name (full or compact) starts with {@code c}: such lines need no colon search. */
    static boolean mayBeSummaryHeader(byte c) {
        return FIRST[c & 0xff];
    }

    /** Bytes 1.. of a name equal the lower-case {@code name} (its first letter already matched), A-Z folded. */
    private static boolean rest(byte[] a, int p, byte[] name) {
        for (int i = 1; i < name.length; i++) {
            int c = a[p + i];
            int d = name[i];
            if (c != d && (c < 'A' || c > 'Z' || c + 32 != d)) {
                return false;
            }
        }
        return true;
    }

    /** The shared constant for a registered method (exact case), null for any other token. */
    static String knownMethod(byte[] a, int p, int n) {
        if (n < 3 || n > 9) {
            return null;
        }
        switch (a[p]) {
            case 'A': return n == 3 && a[p + 1] == 'C' && a[p + 2] == 'K' ? "ACK" : null;
            case 'B': return n == 3 && a[p + 1] == 'Y' && a[p + 2] == 'E' ? "BYE" : null;
            case 'C': return n == 6 && same(a, p, CANCEL) ? "CANCEL" : null;
            case 'I': return n == 6 && same(a, p, INVITE) ? "INVITE" : n == 4 && same(a, p, INFO) ? "INFO" : null;
            case 'M': return n == 7 && same(a, p, MESSAGE) ? "MESSAGE" : null;
            case 'N': return n == 6 && same(a, p, NOTIFY) ? "NOTIFY" : null;
            case 'O': return n == 7 && same(a, p, OPTIONS) ? "OPTIONS" : null;
            case 'P': return n == 5 && same(a, p, PRACK) ? "PRACK" : n == 7 && same(a, p, PUBLISH) ? "PUBLISH" : null;
            case 'R': return n == 8 && same(a, p, REGISTER) ? "REGISTER" : n == 5 && same(a, p, REFER) ? "REFER" : null;
            case 'S': return n == 9 && same(a, p, SUBSCRIBE) ? "SUBSCRIBE" : null;
            case 'U': return n == 6 && same(a, p, UPDATE) ? "UPDATE" : null;
            default: return null;
        }
    }

    private static boolean same(byte[] a, int p, byte[] m) {
        for (int i = 1; i < m.length; i++) {
            if (a[p + i] != m[i]) {
                return false;
            }
        }
        return true;
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
        String known = knownMethod(a, p, n);
        return known != null ? known : new String(a, p, n, StandardCharsets.ISO_8859_1);
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
