package dev.parley.session.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps many short, mostly unique strings (Call-IDs, Via branches, tags) packed in one byte array, so each costs a
 * few bytes instead of a String and its array (some 40 bytes of headers). An id is the entry's offset + 1. Each entry
 * is a header byte, the payload length (7 bits a byte) and the payload: the RFC 3261 branch cookie "z9hG4bK" is kept as a flag, and hex text (what most stacks put in tags and
 * branches) as two digits per byte; anything else as Latin-1. The encoding is canonical, so equal strings have equal
 * bytes. Ids: 0 is null, positive ids index the packed entries, negative ids the rare strings with characters beyond
 * Latin-1, kept as they are. Strings are rebuilt on each {@link #get}; {@link #matches} compares without building one.
 * No deduplication: callers share ids.
 */
final class StringPool {
    private static final String COOKIE = "z9hG4bK";
    private static final int C = COOKIE.length();
    private static final int COOKIE_FLAG = 1;
    private static final int LOWER_HEX = 2;
    private static final int UPPER_HEX = 4;
    private static final int ODD = 8;
    private static final char[] LOWER = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private byte[] blob = new byte[1 << 12];
    private int used;
    private final List<String> wide = new ArrayList<>();

    int add(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                wide.add(s);
                return -wide.size();
            }
        }
        int from = s.startsWith(COOKIE) ? C : 0;
        int rest = n - from;
        int flags = from > 0 ? COOKIE_FLAG : 0;
        if (rest >= 2) {
            if (allHex(s, from, LOWER)) {
                flags |= LOWER_HEX;
            } else if (allHex(s, from, UPPER)) {
                flags |= UPPER_HEX;
            }
        }
        boolean hex = (flags & (LOWER_HEX | UPPER_HEX)) != 0;
        if (hex && (rest & 1) != 0) {
            flags |= ODD;
        }
        int payload = hex ? (rest + 1) / 2 : rest;
        ensure(6 + payload);
        int id = used + 1;
        blob[used++] = (byte) flags;
        for (int v = payload; ; v >>>= 7) {
            if (v < 0x80) {
                blob[used++] = (byte) v;
                break;
            }
            blob[used++] = (byte) (v & 0x7F | 0x80);
        }
        if (hex) {
            for (int i = from; i < n; i += 2) {
                int hi = Character.digit(s.charAt(i), 16);
                int lo = i + 1 < n ? Character.digit(s.charAt(i + 1), 16) : 0;
                blob[used++] = (byte) (hi << 4 | lo);
            }
        } else {
            for (int i = from; i < n; i++) {
                blob[used++] = (byte) s.charAt(i);
            }
        }
        return id;
    }

    private static boolean allHex(String s, int from, char[] digits) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= digits[10] && c <= digits[15])) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int n) {
        if (used + n > blob.length) {
            blob = Arrays.copyOf(blob, Math.max(used + n, blob.length + (blob.length >> 1)));
        }
    }

    /** Offset of the payload of entry id (its length is {@link #payloadLength}). */
    private int payloadAt(int id) {
        int p = id; // the header byte is at id - 1
        while (blob[p] < 0) {
            p++;
        }
        return p + 1;
    }

    private int payloadLength(int id) {
        int v = 0;
        for (int p = id, shift = 0; ; p++, shift += 7) {
            int b = blob[p];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private int length(int id) {
        int flags = blob[id - 1];
        int payload = payloadLength(id);
        int rest = (flags & (LOWER_HEX | UPPER_HEX)) == 0 ? payload : 2 * payload - ((flags & ODD) != 0 ? 1 : 0);
        return ((flags & COOKIE_FLAG) != 0 ? C : 0) + rest;
    }

    /** Character i of entry id (i below its length). */
    private char charAt(int id, int at, int i) {
        int flags = blob[id - 1];
        if ((flags & COOKIE_FLAG) != 0) {
            if (i < C) {
                return COOKIE.charAt(i);
            }
            i -= C;
        }
        if ((flags & (LOWER_HEX | UPPER_HEX)) == 0) {
            return (char) (blob[at + i] & 0xFF);
        }
        int b = blob[at + (i >> 1)];
        int nibble = (i & 1) == 0 ? (b >> 4) & 0xF : b & 0xF;
        return ((flags & LOWER_HEX) != 0 ? LOWER : UPPER)[nibble];
    }

    String get(int id) {
        if (id == 0) {
            return null;
        }
        if (id < 0) {
            return wide.get(-id - 1);
        }
        int at = payloadAt(id);
        if (blob[id - 1] == 0) {
            return new String(blob, at, payloadLength(id), StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length(id)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = charAt(id, at, i);
        }
        return new String(chars);
    }

    /** Same text as {@code s} (both null counts as a match). */
    boolean matches(int id, String s) {
        if (id == 0 || s == null) {
            return id == 0 && s == null;
        }
        if (id < 0) {
            return wide.get(-id - 1).equals(s);
        }
        int n = length(id);
        if (n != s.length()) {
            return false;
        }
        int at = payloadAt(id);
        for (int i = n - 1; i >= 0; i--) { // random parts are at the end
            if (charAt(id, at, i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void trim() {
        blob = Arrays.copyOf(blob, used);
    }
}
