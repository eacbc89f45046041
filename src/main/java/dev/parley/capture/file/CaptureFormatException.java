package dev.parley.capture.file;

import java.io.IOException;
import java.nio.file.Path;

/** The file is not a capture this reader understands (or is empty, or cannot be read); the message names the file. */
public final class CaptureFormatException extends IOException {
    private final transient Path file;

    public CaptureFormatException(Path file, String reason) {
        super(name(file) + ": " + reason);
        this.file = file;
    }

    public CaptureFormatException(Path file, String reason, Throwable cause) {
        super(name(file) + ": " + reason, cause);
        this.file = file;
    }

    /** The capture that was being opened. */
    public Path file() {
        return file;
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
