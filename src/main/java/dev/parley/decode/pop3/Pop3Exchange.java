package dev.parley.decode.pop3;

import java.util.List;

/**
 * A command and its reply, in order, or the server greeting ({@code greeting}, no command), or a reply nobody asked
 * for (no command, not the greeting).
 *
 * @param command     null for the greeting and for unsolicited replies
 * @param sasl        continuation lines of an AUTH exchange, in order; empty otherwise
 * @param reply       null when the connection ended before the reply
 * @param stateBefore state in which the server handled the command (null before the greeting)
 * @param stateAfter  state after the reply
 */
public record Pop3Exchange(Pop3Command command, List<SaslStep> sasl, Pop3Reply reply, Pop3State stateBefore,
                           Pop3State stateAfter, boolean greeting) {

    public Pop3Exchange {
        sasl = List.copyOf(sasl);
    }

    /** Capture time from the command to its status line; -1 when either is missing. */
    public long responseTimeNanos() {
        return command == null || reply == null ? -1 : reply.timestampNanos() - command.timestampNanos();
    }

    /** The command's verb in upper case, "" for the greeting or an unsolicited reply. */
    public String verb() {
        return command == null ? "" : command.verb();
    }
}
