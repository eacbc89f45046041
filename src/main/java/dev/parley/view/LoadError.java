package dev.parley.view;

import java.nio.file.Path;

/** A capture that could not be read at all: the file and the reader's reason, shown to the user as is. */
public record LoadError(Path file, String reason) {

    /** "Cannot open x.pcap: reason" in one line for the dialog and the status bar. */
    public String message() {
        return "Cannot open " + file.getFileName() + ": " + reason;
    }
}
