package dev.parley.decode.pop3;

import dev.parley.decode.Origin;

/**
 * A server status line ("+OK text" / "-ERR text"), with the lines that follow it when the reply is multi-line.
 *
 * @param text   what follows the indicator and one space
 * @param origin where the status line is in the capture
 * @param body   the multi-line part, null for a single-line reply
 */
public record Pop3Reply(Pop3Status status, String text, long frame, long timestampNanos, Origin origin,
                        Pop3Body body) {

    public boolean ok() {
        return status == Pop3Status.OK;
    }

    /** Frame that ended the reply: the terminator's for a multi-line reply. */
    public long lastFrame() {
        return body == null ? frame : body.lastFrame();
    }
}
