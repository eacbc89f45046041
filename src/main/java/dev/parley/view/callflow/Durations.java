package dev.parley.view.callflow;

/** Human durations for timings: "—" when not applicable, "136 µs", "850 ms", "12.345 s", "2:05.120", "1:02:03". */
final class Durations {
    static final String NOT_APPLICABLE = "\u2014";

    private Durations() {
    }

    static String format(long nanos) {
        if (nanos < 0) {
            return NOT_APPLICABLE;
        }
        if (nanos < 1_000_000) {
            return ((nanos + 500) / 1000) + " \u00b5s";
        }
        long ms = (nanos + 500_000) / 1_000_000;
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return seconds(ms) + " s";
        }
        long s = ms / 1000;
        if (s < 3600) {
            return (s / 60) + ":" + two(s % 60) + "." + three(ms % 1000);
        }
        return (s / 3600) + ":" + two((s / 60) % 60) + ":" + two(s % 60);
    }

    /** "+12.345 s": an offset from the session start, always in seconds with milliseconds. */
    static String offset(long nanos) {
        long ms = (Math.max(0, nanos) + 500_000) / 1_000_000;
        return "+" + seconds(ms) + " s";
    }

    private static String seconds(long ms) {
        return (ms / 1000) + "." + three(ms % 1000);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    private static String three(long v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
    }
}
