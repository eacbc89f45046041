package dev.parley.decode.ws;

import dev.parley.decode.Bytes;
import java.util.Locale;

/** Just enough HTTP/1.1 to see the opening handshake of a WebSocket (RFC 6455 section 4). */
final class HttpHead {
    private HttpHead() {
    }

    /** Length of the head up to and including the blank line, or -1 when it is not complete. */
    static int end(Bytes b) {
        for (int i = 0; i + 1 < b.length(); i++) {
            if (b.u8(i) == '\n' && (b.u8(i + 1) == '\n' || (b.u8(i + 1) == '\r' && b.u8(i + 2) == '\n'))) {
                return b.u8(i + 1) == '\n' ? i + 2 : i + 3;
            }
        }
        return -1;
    }

    /** A request head with "Upgrade: websocket" (header names and the token compared case-insensitively). */
    static boolean isWebSocketUpgrade(Bytes head) {
        for (String line : head.latin1().split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("upgrade")
                    && line.substring(colon + 1).toLowerCase(Locale.ROOT).contains("websocket")) {
                return true;
            }
        }
        return false;
    }
}
