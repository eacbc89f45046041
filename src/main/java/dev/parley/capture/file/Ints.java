package dev.parley.capture.file;

/** Fixed-width integers read from a byte array in either byte order, without bounds checks beyond the array's. */
final class Ints {
    private Ints() {
    }

    static int u16(byte[] b, int p, boolean big) {
        return big ? ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff)
                : ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    static int i32(byte[] b, int p, boolean big) {
        return big
                ? ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff)
                : ((b[p + 3] & 0xff) << 24) | ((b[p + 2] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    static long u32(byte[] b, int p, boolean big) {
        return i32(b, p, big) & 0xffffffffL;
    }

    static long i64(byte[] b, int p, boolean big) {
        long first = u32(b, p, big);
        long second = u32(b, p + 4, big);
        return big ? (first << 32) | second : (second << 32) | first;
    }
}
