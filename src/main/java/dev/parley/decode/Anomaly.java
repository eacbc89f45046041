package dev.parley.decode;

/**
 * Something wrong on the wire, reported to the user instead of thrown: a stable code ("sip.content_length.invalid"),
 * a severity, the frame it was found in (1-based, 0 when not tied to one frame), the byte offset inside what was being
 * decoded (-1 when unknown) and a sentence for humans.
 */
public record Anomaly(String code, Severity severity, long frame, int offset, String message) {

    /** Ordered from least to most serious, as Wireshark's expert levels. */
    public enum Severity { NOTE, WARNING, ERROR }

    public static Anomaly note(String code, long frame, String message) {
        return new Anomaly(code, Severity.NOTE, frame, -1, message);
    }

    public static Anomaly warning(String code, long frame, String message) {
        return new Anomaly(code, Severity.WARNING, frame, -1, message);
    }

    public static Anomaly error(String code, long frame, String message) {
        return new Anomaly(code, Severity.ERROR, frame, -1, message);
    }

    public Anomaly atOffset(int newOffset) {
        return new Anomaly(code, severity, frame, newOffset, message);
    }

    public Anomaly inFrame(long newFrame) {
        return new Anomaly(code, severity, newFrame, offset, message);
    }

    @Override
    public String toString() {
        return (frame > 0 ? "frame " + frame + ": " : "") + severity + " " + code + ": " + message;
    }
}
