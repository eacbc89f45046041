package dev.parley.capture.live;

import java.time.Duration;

/**
 * Bounds on the spool's disk use: at most {@code maxBytes} of spool files and/or frames no older than
 * {@code maxAge}; 0 / null for no bound. The spool rotates files at a quarter of either bound and drops whole
 * files, oldest first, so a bound is kept to within one file.
 */
public record RingLimits(long maxBytes, Duration maxAge) {
    public static final RingLimits NONE = new RingLimits(0, null);
    static final int FILES = 4;
    /** Even unbounded spools rotate at this size, so no single file grows without end. */
    static final long MAX_SEGMENT = 1L << 30;

    public RingLimits {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("ring size must not be negative: " + maxBytes);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            maxAge = null;
        }
    }

    long segmentBytes() {
        return maxBytes > 0 ? Math.max(64 << 10, maxBytes / FILES) : MAX_SEGMENT;
    }

    long segmentNanos() {
        return maxAge == null ? Long.MAX_VALUE : Math.max(1, maxAge.toNanos() / FILES);
    }

    public boolean bounded() {
        return maxBytes > 0 || maxAge != null;
    }
}
