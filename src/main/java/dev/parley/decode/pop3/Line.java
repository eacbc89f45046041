package dev.parley.decode.pop3;

import dev.parley.decode.Bytes;
import dev.parley.decode.Origin;

/**
 * One line (or one piece of an over-long line) of a stream direction.
 *
 * @param content   the line without its line end; a view valid during the callback unless {@link #keep()} was used
 * @param eol       length of the line end: 2 (CRLF), 1 (bare LF) or 0 (a piece cut at the line length limit)
 * @param lineStart false for the pieces that continue a cut line, and for the first piece after a gap
 * @param origin    where the line's bytes (line end included) are in the capture
 */
record Line(Bytes content, int eol, boolean lineStart, Origin origin, long frame, long timestampNanos) {

    Line keep() {
        return new Line(Bytes.of(content.toArray()), eol, lineStart, origin, frame, timestampNanos);
    }

    int rawLength() {
        return content.length() + eol;
    }

    boolean isDot() {
        return eol > 0 && content.length() == 1 && content.u8(0) == '.';
    }
}
