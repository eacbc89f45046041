package dev.parley.decode.pop3;

import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.ProtocolPlugin;

/**
 * Which stream directions are POP3. The rule, chosen so that a status line alone never decides off port 110 (Redis
 * answers "+OK" and "+PONG"):
 * <ul>
 * <li>port 110 on either side: a direction is POP3 when its first line is a status line ("+OK", "-ERR") or a POP3
 *     command; a capture that starts inside a stream resynchronises on the first such line after a line end;</li>
 * <li>any other port: the client side decides, by a POP3 command keyword on its first line (USER, APOP, AUTH, CAPA,
 *     STLS, ...). A server side starting with "+OK" waits (undecided) until the client side is pinned; it is given
 *     up at once when a line looks like another protocol ("+PONG", RESP "$", "*", ":" lines). The decoder then only
 *     reports a connection off port 110 once the server answered with a status line, so an FTP client's "USER"
 *     (answered "331") makes no POP3 session.</li>
 * </ul>
 */
final class Pop3Detector {
    static final int PORT = 110;
    /** Bytes looked at before a direction without a line end is judged as it is. */
    private static final int FIRST_LINE_WAIT = 64;
    /** Bytes looked at for a resynchronisation point before giving up. */
    private static final int RESYNC_WINDOW = 4096;

    private Pop3Detector() {
    }

    static boolean wellKnown(Flow flow) {
        return flow.src().port() == PORT || flow.dst().port() == PORT;
    }

    static int streamStart(Flow flow, Bytes first, boolean pinned) {
        int lf = first.indexOf((byte) '\n', 0);
        if (lf < 0 && first.length() < FIRST_LINE_WAIT) {
            return first.isEmpty() || plausibleStart(first.u8(0)) ? ProtocolPlugin.UNDECIDED : -1;
        }
        Bytes line = lineAt(first, 0);
        boolean port = wellKnown(flow);
        Pop3Status status = Pop3Lines.status(line);
        boolean statusLine = status == Pop3Status.OK || status == Pop3Status.ERR;
        boolean command = isCommand(line);
        if (port || pinned) {
            if (statusLine && !port && otherProtocol(first)) {
                return -1; // off port 110 even a pinned server side must not answer "+PONG"
            }
            if (statusLine || command || (pinned && status == Pop3Status.CONTINUATION)) {
                return 0;
            }
            int at = resync(first);
            if (at > 0) {
                return at;
            }
            if (first.length() < RESYNC_WINDOW) {
                return ProtocolPlugin.UNDECIDED;
            }
            return pinned ? 0 : -1;
        }
        if (command) {
            return 0;
        }
        if (statusLine && status == Pop3Status.OK && !otherProtocol(first)) {
            return ProtocolPlugin.UNDECIDED; // a greeting off port 110: the client side decides
        }
        return -1;
    }

    /** A POP3 command keyword (any case) followed by a space or the line end. */
    static boolean isCommand(Bytes line) {
        int n = Pop3Lines.verbLength(line);
        return n >= 3 && n <= 4 && Pop3Verbs.known(Pop3Lines.upper(line, n));
    }

    private static boolean plausibleStart(int c) {
        return c == '+' || c == '-' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Complete lines of an undecided server side that POP3 never sends ("+PONG", RESP type bytes). */
    private static boolean otherProtocol(Bytes b) {
        for (int at = 0; at < b.length(); ) {
            int lf = b.indexOf((byte) '\n', at);
            if (lf < 0) {
                return false;
            }
            Bytes line = lineAt(b, at);
            if (!line.isEmpty()) {
                int c = line.u8(0);
                if (c == '$' || c == '*' || c == ':' || (c == '+' && Pop3Lines.status(line) == null)) {
                    return true;
                }
            }
            at = lf + 1;
        }
        return false;
    }

    /** First offset after a line end where a status line or a command starts, or -1. */
    private static int resync(Bytes b) {
        for (int i = b.indexOf((byte) '\n', 0); i >= 0 && i + 1 < b.length(); i = b.indexOf((byte) '\n', i + 1)) {
            if (b.indexOf((byte) '\n', i + 1) < 0) {
                return -1; // judge complete lines only
            }
            Bytes line = lineAt(b, i + 1);
            Pop3Status s = Pop3Lines.status(line);
            if (s == Pop3Status.OK || s == Pop3Status.ERR || isCommand(line)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The line starting at {@code at}, without its line end (to the end of the bytes when there is none). */
    private static Bytes lineAt(Bytes b, int at) {
        int lf = b.indexOf((byte) '\n', at);
        int end = lf < 0 ? b.length() : lf;
        if (end > at && b.u8(end - 1) == '\r') {
            end--;
        }
        return b.slice(at, end - at);
    }
}
