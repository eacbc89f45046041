package dev.parley.session.sip;

import dev.parley.decode.sip.TextInterner;
import java.nio.charset.StandardCharsets;

/**
 * Shares equal strings that repeat across messages (user agents, users, display names, reasons) so each record
 * points at one copy. Bounded: past the cap new strings are returned as they are. An open-addressing table of the
 * kept strings and their hash codes: a name handed over as ASCII bytes is hashed as {@link String#hashCode} hashes
 * its text and compared character by character, so a name kept already costs no String. A load asks for the users
 * and display names of every session's first request, call, registration and pager message, and most of them are
 * kept already (docs/DESIGN-NOTES.md note 30).
 */
final class Interner implements TextInterner {
    private final int cap;
    private String[] kept = new String[1024];
    private int[] hashes = new int[1024];
    private int size;

    Interner(int cap) {
        this.cap = cap;
    }

    @Override
    public String intern(String s) {
        if (s == null) {
            return null;
        }
        int h = s.hashCode();
        int mask = kept.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            String k = kept[i];
            if (k == null) {
                return keep(s, h);
            }
            if (hashes[i] == h && k.equals(s)) {
                return k;
            }
        }
    }

    @Override
    public String intern(byte[] a, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int b = a[i];
            if (b < 0) { // not ASCII: the text is the decoded String's
                return intern(new String(a, off, len, StandardCharsets.UTF_8));
            }
            h = 31 * h + b;
        }
        int mask = kept.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            String k = kept[i];
            if (k == null) {
                return keep(new String(a, off, len, StandardCharsets.ISO_8859_1), h);
            }
            if (hashes[i] == h && sameAscii(k, a, off, len)) {
                return k;
            }
        }
    }

    private static boolean sameAscii(String s, byte[] a, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != a[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps {@code s} (not kept yet) while there is room; returns it either way. */
    private String keep(String s, int h) {
        if (size >= cap) {
            return s;
        }
        if (2 * (size + 1) > kept.length) {
            grow();
        }
        int mask = kept.length - 1;
        int i = spread(h) & mask;
        while (kept[i] != null) {
            i = (i + 1) & mask;
        }
        kept[i] = s;
        hashes[i] = h;
        size++;
        return s;
    }

    private void grow() {
        String[] oldKept = kept;
        int[] oldHashes = hashes;
        kept = new String[oldKept.length * 2];
        hashes = new int[oldKept.length * 2];
        int mask = kept.length - 1;
        for (int j = 0; j < oldKept.length; j++) {
            if (oldKept[j] != null) {
                int i = spread(oldHashes[j]) & mask;
                while (kept[i] != null) {
                    i = (i + 1) & mask;
                }
                kept[i] = oldKept[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    /**
     * Names that differ in their last character, and numbered extensions, have hash codes next to each other: mixed
     * before masking so that they do not fill one run of slots.
     */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
