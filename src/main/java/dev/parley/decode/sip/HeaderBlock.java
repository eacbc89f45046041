package dev.parley.decode.sip;

import dev.parley.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads header lines (SIP or MIME part) into {@link SipHeader}s, folds joined, offsets relative to {@code message}. */
final class HeaderBlock {
    private HeaderBlock() {
    }

    /**
     * Reads from {@code from} to {@code to}; lines without a colon are skipped (reported through {@code badLines}
     * as their offsets). Returns the offset just after the blank line, or -1 when there is none before {@code to}.
     */
    static int read(Bytes message, int from, int to, List<SipHeader> out, List<Integer> badLines) {
        byte[] a = message.array();
        int base = message.offset();
        int p = from;
        int start = -1;
        int lastEnd = -1;
        while (p < to) {
            int lf = StartLine.lineEnd(a, base + p, base + to) - base;
            int e = StartLine.trimCr(a, base + p, base + lf) - base;
            if (e == p) {
                flush(message, start, lastEnd, out, badLines);
                return lf < to ? lf + 1 : to;
            }
            if ((a[base + p] == ' ' || a[base + p] == '\t') && start >= 0) {
                lastEnd = e;
            } else {
                flush(message, start, lastEnd, out, badLines);
                start = p;
                lastEnd = e;
            }
            if (lf >= to) {
                break;
            }
            p = lf + 1;
        }
        flush(message, start, lastEnd, out, badLines);
        return -1;
    }

    private static void flush(Bytes message, int start, int end, List<SipHeader> out, List<Integer> badLines) {
        if (start < 0) {
            return;
        }
        byte[] a = message.array();
        int base = message.offset();
        int colon = start;
        while (colon < end && a[base + colon] != ':') {
            colon++;
        }
        if (colon == end || colon == start) {
            badLines.add(start);
            return;
        }
        int ne = colon;
        while (ne > start && (a[base + ne - 1] == ' ' || a[base + ne - 1] == '\t')) {
            ne--;
        }
        String name = new String(a, base + start, ne - start, StandardCharsets.ISO_8859_1);
        int vs = colon + 1;
        while (vs < end && (a[base + vs] == ' ' || a[base + vs] == '\t' || a[base + vs] == '\r' || a[base + vs] == '\n')) {
            vs++;
        }
        int ve = end;
        while (ve > vs && (a[base + ve - 1] == ' ' || a[base + ve - 1] == '\t')) {
            ve--;
        }
        String value = Quoted.unfold(a, base + vs, base + ve);
        String raw = new String(a, base + start, end - start, StandardCharsets.UTF_8);
        out.add(new SipHeader(name, HeaderNames.canonical(name), value, raw, start, end - start, vs));
    }
}
