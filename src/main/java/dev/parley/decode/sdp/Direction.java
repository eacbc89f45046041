package dev.parley.decode.sdp;

import java.util.Locale;

/** Media direction attributes (RFC 4566 section 6, RFC 3264). */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The direction named by an attribute ("sendonly"), or null for any other attribute. */
    static Direction of(String attribute) {
        switch (attribute.toLowerCase(Locale.ROOT)) {
            case "sendrecv": return SENDRECV;
            case "sendonly": return SENDONLY;
            case "recvonly": return RECVONLY;
            case "inactive": return INACTIVE;
            default: return null;
        }
    }
}
