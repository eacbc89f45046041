package dev.parley.decode.pop3;

import dev.parley.decode.Origin;
import java.util.List;

/**
 * The lines of a multi-line reply after its status line, dot-unstuffed, ended by the "." line (not by any octet
 * count announced in the status line).
 *
 * @param lines     the lines of a listing reply (LIST, UIDL, CAPA, AUTH, LANG) without line ends; empty for mails
 * @param lineCount lines received (the "." terminator excluded)
 * @param octets    unstuffed octets received, line ends included: the size of the mail the client got
 * @param terminated the "." line was seen; false when the reply was cut off or never terminated
 * @param gap       bytes of the reply are missing from the capture
 * @param origin    where the stuffed bytes are in the capture ("." terminator excluded): unstuff them with
 *                  {@link DotStuffing#unstuff} to get the mail again
 * @param data      the unstuffed bytes of a mail (RETR/TOP) when the loader keeps bytes, else null
 * @param lastFrame frame that carried the terminator (or the last line)
 */
public record Pop3Body(List<String> lines, int lineCount, long octets, boolean terminated, boolean gap,
                       Origin origin, byte[] data, long lastFrame, long endTimestampNanos) {

    /** Received whole: terminated and without a hole. */
    public boolean complete() {
        return terminated && !gap;
    }
}
