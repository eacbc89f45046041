package dev.parley.capture.file;

/**
 * One pcapng Interface Description Block: link type, snaplen and how its timestamps turn into epoch nanoseconds
 * (if_tsresol: a power of 10, or of 2 when the high bit is set; if_tsoffset: seconds added).
 */
record PcapngInterface(int linkType, int snaplen, int resolution, long offsetNanos) {
    static final int DEFAULT_RESOLUTION = 6;

    /** Epoch nanoseconds of a raw 64-bit timestamp in this interface's units. */
    long nanos(long raw) {
        return offsetNanos + toNanos(raw, resolution);
    }

    static long toNanos(long raw, int resolution) {
        if ((resolution & 0x80) == 0) {
            int exponent = resolution;
            if (exponent <= 9) {
                return raw * POW10[9 - exponent];
            }
            return exponent - 9 < POW10.length ? Long.divideUnsigned(raw, POW10[exponent - 9]) : 0;
        }
        int shift = resolution & 0x7f;
        if (shift == 0) {
            return raw * 1_000_000_000L;
        }
        if (shift >= 64) {
            return 0;
        }
        long seconds = raw >>> shift;
        long fraction = raw & ((1L << shift) - 1);
        long fractionNanos = shift <= 33
                ? (fraction * 1_000_000_000L) >>> shift
                : Math.multiplyHigh(fraction << (64 - shift), 1_000_000_000L)
                        + ((fraction << (64 - shift)) < 0 ? 1_000_000_000L : 0);
        return seconds * 1_000_000_000L + fractionNanos;
    }

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L
    };
}
