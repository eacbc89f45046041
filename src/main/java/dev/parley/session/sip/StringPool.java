package dev.parley.session.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps many short, mostly unique strings (Call-IDs, Via branches, tags) packed in byte blocks, so each costs a few
 * bytes instead of a String and its array (some 40 bytes of headers). An id is (block, offset) + 1. Each entry is a
 * header byte, the payload length (7 bits a byte) and the payload: the RFC 3261 branch cookie "z9hG4bK" is kept as a
 * flag, and hex text (what most stacks put in tags and branches) as two digits per byte; anything else as Latin-1.
 * Ids: 0 is null, positive ids are packed entries, negative ids the rare strings with characters beyond Latin-1 (or
 * too long for a block), kept as they are. Strings are rebuilt on each {@link #get}; {@link #matches} compares ASCII
 * entries (all Call-IDs, tags and branches seen so far) without building one. No deduplication: callers share ids. {@link #release} frees a block once all its entries are released
 * (sessions evicted past {@code Limits.maxCalls}).
 */
final class StringPool {
    private static final String COOKIE = "z9hG4bK";
    private static final int C = COOKIE.length();
    /** The cookie's bytes: compared from an array, not through {@code String.charAt} (this is C1 code, see JitAdvice). */
    private static final byte[] COOKIE_BYTES = COOKIE.getBytes(StandardCharsets.US_ASCII);
    private static final int COOKIE_FLAG = 1;
    private static final int LOWER_HEX = 2;
    private static final int UPPER_HEX = 4;
    private static final int ODD = 8;
    /** Latin-1 text beyond ASCII, kept as it is: byte-wise compares against UTF-8 would be wrong for it. */
    private static final int LATIN1 = 16;
    private static final char[] LOWER = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    /** Value of each byte as a digit of lower-case (upper-case) hex text, -1 when it is none. */
    private static final byte[] LOWER_VALUE = digitValues(LOWER);
    private static final byte[] UPPER_VALUE = digitValues(UPPER);
    /** Per byte: {@link #LOWER_HEX} when it is a lower-case hex digit, {@link #UPPER_HEX} an upper-case one. */
    private static final byte[] HEX_CLASS = hexClasses();
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
     * Call-IDs, tags and branches are) is packed straight from the bytes, anything else goes through a String.
     */
    int add(byte[] a, int off, int len) {
        if (len < 0) {
            return 0;
        }
        int from = startsWithCookie(a, off, len) ? C : 0;
        int rest = len - from;
        // one pass tells both whether the text is ASCII and whether it is hex of one case (the cookie is ASCII)
        int any = 0;
        int hexCase = LOWER_HEX | UPPER_HEX;
        for (int i = off + from, end = off + len; i < end; i++) {
            any |= a[i];
            hexCase &= HEX_CLASS[a[i] & 0xFF];
        }
        if (any < 0) {
            return add(new String(a, off, len, StandardCharsets.UTF_8));
        }
        int flags = from > 0 ? COOKIE_FLAG : 0;
        if (rest >= 2) {
            flags |= (hexCase & LOWER_HEX) != 0 ? LOWER_HEX : hexCase; // digits only: kept as lower-case hex
        }
        boolean hex = (flags & (LOWER_HEX | UPPER_HEX)) != 0;
        if (hex && (rest & 1) != 0) {
            flags |= ODD;
        }
        int payload = hex ? (rest + 1) / 2 : rest;
        if (!room(6 + payload)) {
            return addWide(new String(a, off, len, StandardCharsets.ISO_8859_1));
        }
        int id = entry(flags, payload);
        byte[] blob = blocks[block];
        int end = off + len;
        if (hex) {
            byte[] value = (flags & LOWER_HEX) != 0 ? LOWER_VALUE : UPPER_VALUE;
            for (int i = off + from; i < end; i += 2) {
                int hi = value[a[i] & 0xFF];
                int lo = i + 1 < end ? value[a[i + 1] & 0xFF] : 0;
                blob[used++] = (byte) (hi << 4 | lo);
            }
        } else {
            System.arraycopy(a, off + from, blob, used, rest);
            used += rest;
        }
        return id;
    }

    /**
     * {@link #matches(int, String)} against the UTF-8 text in {@code a[off, off+len)} (len -1: null). ASCII entries
     * are compared in the packed form: the cookie, then the bytes as they are or the hex digits two by two, so the hot
     * lookups (Call-IDs, tags, branches) never decode an entry.
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
        // the entry is ASCII: equal bytes (or hex digits) mean equal text, and a probe beyond ASCII never matches
        int payload = payloadLength(blob, at);
        int data = payloadAt(blob, at);
        int from = off;
        if ((flags & COOKIE_FLAG) != 0) {
            if (!startsWithCookie(a, off, len)) {
                return false;
            }
            from += C;
        }
        int end = off + len;
        if ((flags & (LOWER_HEX | UPPER_HEX)) == 0) {
            return payload == end - from && Arrays.equals(blob, data, data + payload, a, from, end);
        }
        if (2 * payload - ((flags & ODD) != 0 ? 1 : 0) != end - from) {
            return false;
        }
        byte[] value = (flags & LOWER_HEX) != 0 ? LOWER_VALUE : UPPER_VALUE;
        for (int i = from, d = data; i < end; i += 2, d++) {
            int hi = value[a[i] & 0xFF];
            int lo = i + 1 < end ? value[a[i + 1] & 0xFF] : 0;
            if ((hi | lo) < 0 || (byte) (hi << 4 | lo) != blob[d]) {
                return false;
            }
        }
        return true;
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

    private static byte[] hexClasses() {
        byte[] classes = new byte[256];
        for (int i = 0; i < 16; i++) {
            classes[LOWER[i]] |= LOWER_HEX;
            classes[UPPER[i]] |= UPPER_HEX;
        }
        return classes;
    }

    private static byte[] digitValues(char[] digits) {
        byte[] value = new byte[256];
        Arrays.fill(value, (byte) -1);
        for (int i = 0; i < digits.length; i++) {
            value[digits[i]] = (byte) i;
        }
        return value;
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

    private static int length(byte[] blob, int at) {
        int flags = blob[at];
        int payload = payloadLength(blob, at);
        int rest = (flags & (LOWER_HEX | UPPER_HEX)) == 0 ? payload : 2 * payload - ((flags & ODD) != 0 ? 1 : 0);
        return ((flags & COOKIE_FLAG) != 0 ? C : 0) + rest;
    }

    /** Character i of the entry with header at {@code at} and payload at {@code data}. */
    private static char charAt(byte[] blob, int at, int data, int i) {
        int flags = blob[at];
        if ((flags & COOKIE_FLAG) != 0) {
            if (i < C) {
                return COOKIE.charAt(i);
            }
            i -= C;
        }
        if ((flags & (LOWER_HEX | UPPER_HEX)) == 0) {
            return (char) (blob[data + i] & 0xFF);
        }
        int b = blob[data + (i >> 1)];
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
        byte[] blob = blocks[(id - 1) >>> BLOCK_BITS];
        int at = (id - 1) & OFFSET_MASK;
        int data = payloadAt(blob, at);
        if ((blob[at] & ~LATIN1) == 0) {
            return new String(blob, data, payloadLength(blob, at), StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length(blob, at)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = charAt(blob, at, data, i);
        }
        return new String(chars);
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
        int n = length(blob, at);
        if (n != s.length()) {
            return false;
        }
        int data = payloadAt(blob, at);
        for (int i = n - 1; i >= 0; i--) { // random parts are at the end
            if (charAt(blob, at, data, i) != s.charAt(i)) {
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
