package dev.parley.decode.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    /** Every name (full and compact form) of a summary header, lower case, and its id. */
    private static final String[] HEADER_NAMES = {"call-id", "i", "from", "f", "to", "t", "cseq", "via", "v",
            "content-type", "c", "content-length", "l", "expires", "contact", "m", "reason", "x-cid", "x-call-id",
            "user-agent", "server", "event", "o", "subscription-state"};
    private static final int[] HEADER_IDS = {CALL_ID, CALL_ID, FROM, FROM, TO, TO, CSEQ, VIA, VIA,
            CONTENT_TYPE, CONTENT_TYPE, CONTENT_LENGTH, CONTENT_LENGTH, EXPIRES, CONTACT, CONTACT, REASON, CORRELATION,
            CORRELATION, USER_AGENT, USER_AGENT, EVENT, EVENT, SUBSCRIPTION_STATE};
    private static final AsciiTable HEADERS = new AsciiTable(true, HEADER_NAMES);
    private static final String[] METHODS = {"ACK", "BYE", "CANCEL", "INFO", "INVITE", "MESSAGE", "NOTIFY",
            "OPTIONS", "PRACK", "PUBLISH", "REFER", "REGISTER", "SUBSCRIBE", "UPDATE"};
    private static final AsciiTable METHOD_TABLE = new AsciiTable(false, METHODS);
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS", "TLS-SCTP", "DTLS"};
    private static final AsciiTable TRANSPORT_TABLE = new AsciiTable(true, lowerCase(TRANSPORTS));
    private static final String[] MEDIA = {"application/sdp", "multipart/mixed", "text/plain", "message/cpim",
            "application/isup", "application/pidf+xml", "application/dtmf-relay", "message/sipfrag",
            "application/vnd.3gpp.sms", "multipart/related", "application/reginfo+xml",
            "application/simple-message-summary", "application/xml", "text/html"};
    private static final AsciiTable MEDIA_TABLE = new AsciiTable(true, MEDIA);

    /** Per byte: whether some summary header name starts with it (either case). */
    private static final boolean[] FIRST = new boolean[256];

    static {
        for (String name : HEADER_NAMES) {
            char c = name.charAt(0);
            FIRST[c] = true;
            FIRST[Character.toUpperCase(c)] = true;
        }
    }

    private Names() {
    }

    /** Which summary header the name [p, p + n) is (any case), {@link #OTHER} for the rest. */
    static int id(byte[] a, int p, int n) {
        int i = HEADERS.find(a, p, n);
        return i < 0 ? OTHER : HEADER_IDS[i];
    }

    /** False when no summary header name (full or compact) starts with {@code c}: such lines need no colon search. */
    static boolean mayBeSummaryHeader(byte c) {
        return FIRST[c & 0xff];
    }

    /** The shared constant for a registered method (exact case), null for any other token. */
    static String knownMethod(byte[] a, int p, int n) {
        int i = METHOD_TABLE.find(a, p, n);
        return i < 0 ? null : METHODS[i];
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
        if (e - s == 3 && a[s] == 'U' && a[s + 1] == 'D' && a[s + 2] == 'P') {
            return "UDP"; // most Vias, without the table's lookup (the same constant as TRANSPORTS[0])
        }
        int i = TRANSPORT_TABLE.find(a, s, e - s);
        if (i >= 0) {
            return TRANSPORTS[i];
        }
        return s >= e ? null : new String(a, s, e - s, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    }

    /** The media type in lower case; common ones are shared constants. */
    static String mediaType(byte[] a, int s, int e) {
        if (s >= e) {
            return null;
        }
        int i = MEDIA_TABLE.find(a, s, e - s);
        if (i >= 0) {
            return MEDIA[i];
        }
        char[] c = new char[e - s];
        for (int k = 0; k < c.length; k++) {
            int b = a[s + k] & 0xff;
            c[k] = (char) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        return new String(c);
    }

    private static String[] lowerCase(String[] names) {
        String[] lower = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            lower[i] = names[i].toLowerCase(Locale.ROOT);
        }
        return lower;
    }
}
