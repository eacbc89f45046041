package dev.parley.decode.pop3;

import dev.parley.decode.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading single POP3 lines: status indicators, command keywords, text. No regex: this also runs in detection. */
final class Pop3Lines {
    static final int MAX_VERB = 16;

    private Pop3Lines() {
    }

    /** The status of a server line, or null when it has none ("+OK" and "-ERR" in any case, or "+ " / "+"). */
    static Pop3Status status(Bytes line) {
        if (startsWithIgnoreCase(line, "+OK") && endsWord(line, 3)) {
            return Pop3Status.OK;
        }
        if (startsWithIgnoreCase(line, "-ERR") && endsWord(line, 4)) {
            return Pop3Status.ERR;
        }
        if (line.length() >= 1 && line.u8(0) == '+' && (line.length() == 1 || line.u8(1) == ' ')) {
            return Pop3Status.CONTINUATION;
        }
        return null;
    }

    /** The text after a status indicator and its space. */
    static String statusText(Bytes line, Pop3Status status) {
        int at = status == Pop3Status.OK ? 3 : status == Pop3Status.ERR ? 4 : 1;
        if (at < line.length() && line.u8(at) == ' ') {
            at++;
        }
        return at >= line.length() ? "" : text(line.slice(at));
    }

    /** Length of the command keyword a line starts with (letters and digits, then a space or the end), or -1. */
    static int verbLength(Bytes line) {
        int n = 0;
        while (n < line.length() && n <= MAX_VERB) {
            int c = line.u8(n);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            boolean digit = c >= '0' && c <= '9';
            if (!(letter || (n > 0 && (digit || c == '-' || c == '_')))) {
                break;
            }
            n++;
        }
        if (n == 0 || n > MAX_VERB) {
            return -1;
        }
        if (n < line.length() && line.u8(n) != ' ') {
            return -1;
        }
        for (int i = n; i < line.length(); i++) {
            int c = line.u8(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return -1; // control bytes: binary, not a command
            }
        }
        return n;
    }

    /** The keyword in upper case (ASCII). */
    static String upper(Bytes line, int len) {
        char[] cs = new char[len];
        for (int i = 0; i < len; i++) {
            int c = line.u8(i);
            cs[i] = (char) (c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        return new String(cs);
    }

    /** A line's text: UTF-8 when it is valid UTF-8, else ISO-8859-1 (every byte kept). */
    static String text(Bytes b) {
        boolean ascii = true;
        for (int i = 0; i < b.length() && ascii; i++) {
            ascii = b.u8(i) < 0x80;
        }
        if (ascii) {
            return b.latin1();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b.array(), b.offset(), b.length())).toString();
        } catch (CharacterCodingException e) {
            return b.latin1();
        }
    }

    static boolean startsWithIgnoreCase(Bytes b, String prefix) {
        if (b.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            int c = b.u8(i);
            int p = prefix.charAt(i);
            if (c != p && !(c >= 'a' && c <= 'z' && c - 32 == p)) {
                return false;
            }
        }
        return true;
    }

    /** The indicator ends at {@code at}: end of line, a space, or anything but a letter or digit. */
    private static boolean endsWord(Bytes b, int at) {
        if (at >= b.length()) {
            return true;
        }
        int c = b.u8(at);
        return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
}
