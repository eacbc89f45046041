package dev.parley.decode.pop3;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the lines of one multi-line POP3 reply as they come: the listing text (UIDL, LIST, CAPA...), or a mail's
 * origin and, when the loader keeps bytes, the mail itself without its dot-stuffing, up to {@code Limits.maxMailSize}.
 * Its fields are read and set by {@link Pop3ConnectionDecoder}, which owns the reply.
 */
final class Pop3BodyBuilder {
    final boolean mail;
    private final Limits limits;
    private final Consumer<Anomaly> report;
    final List<String> lines = new ArrayList<>();
    final Origin.Builder origin = new Origin.Builder();
    byte[] data;
    int dataLength;
    boolean keep;
    int lineCount;
    long octets;
    long listingBytes;
    boolean terminated;
    boolean gap;
    long lastFrame;
    long endNanos;

    Pop3BodyBuilder(boolean mail, long frame, Limits limits, boolean keepBytes, Consumer<Anomaly> report) {
        this.mail = mail;
        this.limits = limits;
        this.report = report;
        this.keep = mail && keepBytes;
        this.data = keep ? new byte[256] : null;
        this.lastFrame = frame;
    }

    void add(Line line, boolean lineStart) {
        Bytes c = line.content();
        boolean stuffed = lineStart && c.length() > 0 && c.u8(0) == '.';
        int skip = stuffed ? 1 : 0;
        origin.add(line.origin());
        if (lineStart) {
            lineCount++;
        }
        octets += line.rawLength() - skip;
        lastFrame = line.frame();
        endNanos = line.timestampNanos();
        if (keep) {
            int n = line.rawLength() - skip;
            if ((long) dataLength + n > limits.maxMailSize()) {
                keep = false;
                data = null;
                report.accept(Anomaly.warning("pop3.mail.too_large", line.frame(), "mail larger than "
                        + limits.maxMailSize() + " bytes: not kept in memory (it can still be re-read)"));
            } else {
                if (dataLength + n > data.length) {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + n));
                }
                Bytes raw = c.slice(skip);
                System.arraycopy(raw.array(), raw.offset(), data, dataLength, raw.length());
                dataLength += raw.length();
                if (line.eol() == 2) {
                    data[dataLength++] = '\r';
                }
                if (line.eol() >= 1) {
                    data[dataLength++] = '\n';
                }
            }
        }
        if (!mail && lineStart) {
            listingBytes += c.length();
            if (listingBytes <= limits.maxMailSize()) {
                lines.add(Pop3Lines.text(c.slice(skip)));
            }
        }
    }

    Pop3Body build(long statusNanos) {
        byte[] kept = keep ? Arrays.copyOf(data, dataLength) : null;
        return new Pop3Body(List.copyOf(lines), lineCount, octets, terminated, gap, origin.build(), kept,
                lastFrame, endNanos == 0 ? statusNanos : endNanos);
    }
}
