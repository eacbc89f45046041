package dev.parley.session.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps many short, mostly unique strings (Via branches and tags) packed in byte blocks, so each costs a few bytes
 * instead of a String and its array (some 40 bytes of headers). An id is (block, offset) + 1. Each entry is a header
 * byte, the payload length (7 bits a byte) and the payload: the RFC 3261 branch cookie "z9hG4bK" is kept as a flag,
 * the rest as its bytes (Latin-1). Hex text used to be packed two digits a byte: that saved about 6 MB of the
 * synthetic capture's 124 MB model but made every match decode digit pairs, about 7 % of the correlating thread
 * (docs/DESIGN-NOTES.md note 33). Ids: 0 is null, positive ids are packed entries, negative ids the rare strings
 * with characters beyond Latin-1 (or too long for a block), kept as they are. Strings are rebuilt on each
 * {@link #get}; {@link #matches} compares ASCII entries (all tags and branches seen so far) without building one.
 * No deduplication: callers share ids. {@link #release} frees a block once all its entries are released (sessions
 * evicted past {@code Limits.maxCalls}).
 */
final class StringPool {
    private static final String COOKIE = "z9hG4bK";
    private static final int C = COOKIE.length();
    /** The cookie's bytes: compared from an array, not through {@code String.charAt} (this is C1 code, see JitAdvice). */
    private static final byte[] COOKIE_BYTES = COOKIE.getBytes(StandardCharsets.US_ASCII);
    private static final int COOKIE_FLAG = 1;
    /** Latin-1 text beyond ASCII, kept as it is: byte-wise compares against UTF-8 would be wrong for it. */
    private static final int LATIN1 = 16;
    private static final int BLOCK_BITS = 20;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int OFFSET_MASK = BLOCK - 1;
    private static final int MAX_BLOCKS = (Integer.MAX_VALUE >>> BLOCK_BITS) - 1;

    private byte[][] blocks = new byte[4][];
    private int[] liveEntries = new int[4];
    private int block;
    private int used; // in the current block
    private final List<String> wide = new ArrayList<>();

    StringPool() {
        blocks[0] = new byte[1 << 12];
    }

    int add(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, s.charAt(i));
        }
        if (max < 0x80) {
            byte[] ascii = s.getBytes(StandardCharsets.ISO_8859_1);
            return add(ascii, 0, ascii.length);
        }
        if (max > 0xFF || !room(6 + n)) {
            return addWide(s);
        }
        int id = entry(LATIN1, n);
        byte[] blob = blocks[block];
        for (int i = 0; i < n; i++) {
            blob[used++] = (byte) s.charAt(i);
        }
        return id;
    }

    /** Writes an entry's header (flags, payload length) where there is room; the caller writes the payload. */
    private int entry(int flags, int payload) {
        byte[] blob = blocks[block];
        int id = (block << BLOCK_BITS | used) + 1;
        blob[used++] = (byte) flags;
        for (int v = payload; ; v >>>= 7) {
            if (v < 0x80) {
                blob[used++] = (byte) v;
                break;
            }
            blob[used++] = (byte) (v & 0x7F | 0x80);
        }
        liveEntries[block]++;
        return id;
    }

    /**
     * {@link #add(String)} of the UTF-8 text in {@code a[off, off+len)} without making the String: ASCII text (what
     * tags and branches are) is packed straight from the bytes, anything else goes through a String.
     */
    int add(byte[] a, int off, int len) {
        if (len < 0) {
            return 0;
        }
        int any = 0;
        for (int i = off, end = off + len; i < end; i++) {
            any |= a[i];
        }
        if (any < 0) {
            return add(new String(a, off, len, StandardCharsets.UTF_8));
        }
        int from = startsWithCookie(a, off, len) ? C : 0;
        int rest = len - from;
        if (!room(6 + rest)) {
            return addWide(new String(a, off, len, StandardCharsets.ISO_8859_1));
        }
        int id = entry(from > 0 ? COOKIE_FLAG : 0, rest);
        System.arraycopy(a, off + from, blocks[block], used, rest);
        used += rest;
        return id;
    }

    /**
     * {@link #matches(int, String)} against the UTF-8 text in {@code a[off, off+len)} (len -1: null). ASCII entries
     * are compared as bytes, the cookie first, so the hot lookups (tags, branches) never decode an entry.
     */
    boolean matches(int id, byte[] a, int off, int len) {
        if (id == 0 || len < 0) {
            return id == 0 && len < 0;
        }
        if (id < 0) {
            return matches(id, new String(a, off, len, StandardCharsets.UTF_8));
        }
        byte[] blob = blocks[(id - 1) >>> BLOCK_BITS];
        int at = (id - 1) & OFFSET_MASK;
        int flags = blob[at];
        if ((flags & LATIN1) != 0) {
            return matches(id, new String(a, off, len, StandardCharsets.UTF_8));
        }
        // the entry is ASCII: equal bytes mean equal text, and a probe beyond ASCII never matches
        int payload = payloadLength(blob, at);
        int from = off;
        if ((flags & COOKIE_FLAG) != 0) {
            if (!startsWithCookie(a, off, len)) {
                return false;
            }
            from += C;
        }
        int end = off + len;
        int data = payloadAt(blob, at);
        return payload == end - from && Arrays.equals(blob, data, data + payload, a, from, end);
    }

    private static boolean startsWithCookie(byte[] a, int off, int len) {
        if (len < C) {
            return false;
        }
        byte[] cookie = COOKIE_BYTES;
        for (int i = 0; i < C; i++) {
            if (a[off + i] != cookie[i]) {
                return false;
            }
        }
        return true;
    }

    private int addWide(String s) {
        wide.add(s);
        return -wide.size();
    }

    /** Makes room for n bytes in the current block, opening a new block when full; false when it cannot. */
    private boolean room(int n) {
        if (n > BLOCK) {
            return false;
        }
        if (used + n > BLOCK) {
            if (block + 1 >= MAX_BLOCKS) {
                return false;
            }
            if (BLOCK - used > BLOCK / 8) { // a long entry left much unused: give it back
                blocks[block] = Arrays.copyOf(blocks[block], used);
            }
            block++;
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, block * 2);
                liveEntries = Arrays.copyOf(liveEntries, block * 2);
            }
            // a pool that filled a block is a big one: its next blocks are made whole, not grown from 4 KiB by
            // copies (on the synthetic capture 10 MB of garbage arrays a load less, docs/DESIGN-NOTES.md note 26)
            blocks[block] = new byte[BLOCK];
            used = 0;
        }
        byte[] blob = blocks[block];
        if (used + n > blob.length) {
            blocks[block] = Arrays.copyOf(blob, Math.min(BLOCK, Math.max(used + n, blob.length * 2)));
        }
        return true;
    }

    /** Forgets an entry; its block is freed when none of its entries is left (the current block stays). */
    void release(int id) {
        if (id < 0) {
            wide.set(-id - 1, null);
        } else if (id > 0) {
            int b = (id - 1) >>> BLOCK_BITS;
            if (--liveEntries[b] == 0 && b != block) {
                blocks[b] = null;
            }
        }
    }

    private static int payloadLength(byte[] blob, int at) {
        int v = 0;
        for (int p = at + 1, shift = 0; ; p++, shift += 7) {
            int b = blob[p];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    /** Offset of the payload of the entry whose header is at {@code at}. */
    private static int payloadAt(byte[] blob, int at) {
        int p = at + 1;
        while (blob[p] < 0) {
            p++;
        }
        return p + 1;
    }

    String get(int id) {
        if (id == 0) {
            return null;
        }
        if (id < 0) {
            return wide.get(-id - 1);
        }
        byte[] blob = blocks[(id - 1) >>> BLOCK_BITS];
        int at = (id - 1) & OFFSET_MASK;
        String payload = new String(blob, payloadAt(blob, at), payloadLength(blob, at), StandardCharsets.ISO_8859_1);
        return (blob[at] & COOKIE_FLAG) != 0 ? COOKIE + payload : payload;
    }

    /** Same text as {@code s} (both null counts as a match). */
    boolean matches(int id, String s) {
        if (id == 0 || s == null) {
            return id == 0 && s == null;
        }
        if (id < 0) {
            return s.equals(wide.get(-id - 1));
        }
        byte[] blob = blocks[(id - 1) >>> BLOCK_BITS];
        int at = (id - 1) & OFFSET_MASK;
        int from = 0;
        if ((blob[at] & COOKIE_FLAG) != 0) {
            if (!s.startsWith(COOKIE)) {
                return false;
            }
            from = C;
        }
        int n = payloadLength(blob, at);
        if (n != s.length() - from) {
            return false;
        }
        int data = payloadAt(blob, at);
        for (int i = n - 1; i >= 0; i--) { // random parts are at the end
            if ((char) (blob[data + i] & 0xFF) != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** End of a load: drop the slack of the current block (it grows again if more strings come). */
    void trim() {
        blocks[block] = Arrays.copyOf(blocks[block], used);
    }
}
