package dev.parley.session.pop3;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.Origin;
import dev.parley.decode.mime.MimeMessage;
import dev.parley.decode.mime.MimeParser;
import dev.parley.decode.pop3.DotStuffing;
import dev.parley.decode.pop3.Pop3Body;
import java.io.IOException;

/**
 * A mail the client retrieved: the body of a RETR reply, or of a TOP reply (a partial mail: headers and the first
 * lines). The bytes are those the client received, dot-unstuffed. They are kept only when the capture was loaded
 * with {@code keepBytes}; otherwise {@link #bytes} re-reads the stuffed bytes through the origin and unstuffs them
 * (DESIGN.md decision 2: the model indexes, it does not copy).
 */
public final class Mail {
    private final Pop3Session session;
    private final int number;
    private final int topLines;
    private final long frame;
    private final long timestampNanos;
    private final Pop3Body body;

    Mail(Pop3Session session, int number, int topLines, long frame, long timestampNanos, Pop3Body body) {
        this.session = session;
        this.number = number;
        this.topLines = topLines;
        this.frame = frame;
        this.timestampNanos = timestampNanos;
        this.body = body;
    }

    /** The session the mail was retrieved in. */
    public Pop3Session session() {
        return session;
    }

    /** Message number in the maildrop (the RETR / TOP argument), -1 when it was not a number. */
    public int number() {
        return number;
    }

    /** A TOP reply: headers and the first {@link #topLines()} body lines only. */
    public boolean partial() {
        return topLines >= 0;
    }

    /** Body lines asked for by TOP, -1 for RETR. */
    public int topLines() {
        return topLines;
    }

    /** Octets the client received (unstuffed, line ends included). */
    public long size() {
        return body.octets();
    }

    /** Lines received. */
    public int lines() {
        return body.lineCount();
    }

    /** Received whole: ended by the "." line, no bytes missing. */
    public boolean complete() {
        return body.complete();
    }

    /** Frame of the +OK status line. */
    public long frame() {
        return frame;
    }

    /** Frame of the "." line (or the last one received). */
    public long lastFrame() {
        return body.lastFrame();
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    /** Where the stuffed bytes are in the capture. */
    public Origin origin() {
        return body.origin();
    }

    public boolean bytesKept() {
        return body.data() != null;
    }

    /** The bytes the client received: the kept copy, or re-read from the capture (the reader's file) and unstuffed. */
    public byte[] bytes(OriginReader reader) throws IOException {
        byte[] kept = body.data();
        if (kept != null) {
            return kept.clone();
        }
        return DotStuffing.unstuff(reader.read(body.origin()));
    }

    /** The mail parsed as MIME (on demand, nothing is kept). */
    public MimeMessage mime(OriginReader reader) throws IOException {
        return MimeParser.parse(bytes(reader));
    }

    @Override
    public String toString() {
        return "Mail[session " + session.index() + ", #" + number + (partial() ? ", TOP " + topLines : "") + ", " + size()
                + " octets" + (complete() ? "" : ", incomplete") + "]";
    }
}
