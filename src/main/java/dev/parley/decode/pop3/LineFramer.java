package dev.parley.decode.pop3;

import dev.parley.decode.Bytes;
import dev.parley.decode.Origin;
import dev.parley.decode.StreamBuffer;

/**
 * Cuts one stream direction into lines ended by CRLF or a bare LF. A line longer than the limit is handed on in
 * pieces of the limit's size, so memory stays bounded and a mail's bytes are still all kept.
 */
final class LineFramer {
    interface Sink {
        void line(Line line);
    }

    private final StreamBuffer buffer = new StreamBuffer();
    private final int maxLine;
    private boolean midLine;
    private boolean stopped;

    LineFramer(int maxLine) {
        this.maxLine = Math.max(16, maxLine);
    }

    void data(Bytes data, Origin origin, long frame, long timestampNanos, Sink sink) {
        if (stopped) {
            buffer.clear();
            return;
        }
        buffer.append(data, origin);
        while (!stopped && !buffer.isEmpty()) {
            Bytes b = buffer.bytes();
            int lf = b.indexOf((byte) '\n', 0);
            int take;
            int eol;
            if (lf < 0 || lf >= maxLine) {
                if (b.length() < maxLine) {
                    break;
                }
                take = maxLine;
                eol = 0;
            } else {
                take = lf + 1;
                eol = lf > 0 && b.u8(lf - 1) == '\r' ? 2 : 1;
            }
            Origin lineOrigin = buffer.origin(0, take);
            long lineFrame = lineOrigin.runCount() == 0 ? frame : lineOrigin.lastFrame();
            Line line = new Line(b.slice(0, take - eol), eol, !midLine, lineOrigin, lineFrame, timestampNanos);
            midLine = eol == 0;
            sink.line(line);
            if (stopped) {
                break;
            }
            buffer.consume(take);
        }
        if (stopped) {
            buffer.clear();
        } else {
            buffer.keepBorrowed();
        }
    }

    /** Bytes were lost: what is buffered is dropped and the next bytes start in the middle of a line. */
    void gap() {
        buffer.clear();
        midLine = true;
    }

    /** What is left when the direction ends: a last line without its line end, or null. */
    Line rest(long frame, long timestampNanos) {
        if (stopped || buffer.isEmpty()) {
            return null;
        }
        Bytes b = buffer.bytes();
        Line line = new Line(Bytes.of(b.toArray()), 0, !midLine, buffer.origin(0, b.length()), frame, timestampNanos);
        buffer.clear();
        return line;
    }

    /** The rest of the direction is not POP3 (TLS after STLS). */
    void stop() {
        stopped = true; // the buffer is dropped by the next data call: this may run inside our own sink call
    }

    boolean stopped() {
        return stopped;
    }
}
