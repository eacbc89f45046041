package dev.parley.view.callflow;

/** Row records shown by the call flow panel (immutable, built off the session model). */
public final class Rows {
    private Rows() {
    }

    /** One call state change (or, for other sessions, one transaction) with its time from the session start. */
    public record TimelineRow(long offsetNanos, String time, String state, String message, long frame) {
    }

    /** A label and its value ("Post-dial delay", "1.234 s"). */
    public record Field(String label, String value) {
    }

    /** One side of a call: its name as the From/To header gives it, its endpoint and its User-Agent/Server. */
    public record Party(String role, String name, String endpoint, String userAgent) {
    }

    /** One m= line of an offer or answer: "audio", "10.0.0.1:6000", "PCMU/8000, telephone-event/8000". */
    public record MediaRow(String side, String media, String address, String codecs, String direction,
                           long frame) {
    }

    /** One pager-mode MESSAGE with its delivery status. */
    public record PagerRow(String time, String from, String to, String text, String status, long frame) {
    }
}
