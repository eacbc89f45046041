package dev.parley.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text forms of capture times and durations shared by the commands. */
final class Format {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Capture time in UTC, millisecond precision. */
    static String time(long epochNanos) {
        return epochNanos < 0 ? "-" : TIME.format(Instant.ofEpochSecond(0, epochNanos));
    }

    /** Seconds with milliseconds, or "-" when the duration does not apply. */
    static String seconds(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** Seconds as a JSON number, or null. */
    static Double secondsOrNull(long nanos) {
        return nanos < 0 ? null : Math.round(nanos / 1e6) / 1e3;
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
