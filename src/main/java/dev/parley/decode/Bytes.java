package dev.parley.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable view of a byte range: slicing is O(1) and never copies. Reads past the end of the view return
 * -1 (for unsigned reads) instead of throwing, so decoders treat truncation as data, not as an exception.
 * The backing array may be a reader's reusable buffer: copy ({@link #toArray()}) what must outlive a callback.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

    private final byte[] array;
    private final int offset;
    private final int length;

    private Bytes(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    public static Bytes of(byte[] array) {
        return new Bytes(array, 0, array.length);
    }

    public static Bytes of(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + array.length);
        }
        return new Bytes(array, offset, length);
    }

    public static Bytes ascii(String text) {
        return of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The backing array; with {@link #offset()} for hot loops that must not pay per-byte bounds checks. */
    public byte[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    /** Signed byte at {@code index}; throws for an index outside the view (a bug, never wire data). */
    public byte get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index + " of " + length);
        }
        return array[offset + index];
    }

    /** Unsigned byte, or -1 when {@code index} is outside the view. */
    public int u8(int index) {
        return index >= 0 && index < length ? array[offset + index] & 0xff : -1;
    }

    /** Big-endian unsigned 16-bit value at {@code a[at]}, for loops over a raw array (the caller checks bounds). */
    public static int u16(byte[] a, int at) {
        return ((a[at] & 0xff) << 8) | (a[at + 1] & 0xff);
    }

    /** Big-endian unsigned 16-bit value, or -1 when truncated. */
    public int u16(int index) {
        if (index < 0 || index + 2 > length) {
            return -1;
        }
        int p = offset + index;
        return ((array[p] & 0xff) << 8) | (array[p + 1] & 0xff);
    }

    /** Big-endian unsigned 32-bit value, or -1 when truncated. */
    public long u32(int index) {
        if (index < 0 || index + 4 > length) {
            return -1;
        }
        int p = offset + index;
        return ((long) (array[p] & 0xff) << 24) | ((array[p + 1] & 0xff) << 16)
                | ((array[p + 2] & 0xff) << 8) | (array[p + 3] & 0xff);
    }

    /** The view from {@code from} to the end; clamped to the view. */
    public Bytes slice(int from) {
        return slice(from, length - from);
    }

    /** A sub-view; {@code from} and {@code len} are clamped to this view, so a short packet gives a short slice. */
    public Bytes slice(int from, int len) {
        int f = Math.max(0, Math.min(from, length));
        int l = Math.max(0, Math.min(len, length - f));
        return new Bytes(array, offset + f, l);
    }

    /** First index of {@code b} at or after {@code from}, or -1. */
    public int indexOf(byte b, int from) {
        for (int i = Math.max(0, from); i < length; i++) {
            if (array[offset + i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** First index of {@code needle} at or after {@code from}, or -1. */
    public int indexOf(byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (array[offset + i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public boolean startsWith(byte[] prefix) {
        if (prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (array[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public byte[] toArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** The bytes as ISO-8859-1 text: one char per byte, so offsets in the string are offsets in the bytes. */
    public String latin1() {
        return new String(array, offset, length, StandardCharsets.ISO_8859_1);
    }

    public String utf8() {
        return new String(array, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + array[offset + i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "Bytes[" + length + "]";
    }
}
