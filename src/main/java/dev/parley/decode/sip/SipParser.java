package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Full lenient parser for the on-demand detail view. Never throws; problems become anomalies on the message, with
 * the same codes as {@link SipScanner} (which it agrees with on every key field). Returns null when the bytes do
 * not start with a SIP start line, exactly when {@link SipScanner#scan} returns null.
 */
public final class SipParser {
    private SipParser() {
    }

    public static SipMessage parse(Bytes message) {
        try {
            return parseOrNull(message);
        } catch (RuntimeException bug) {
            // a parser bug must not take the detail view down; show what we know
            List<Anomaly> a = List.of(Anomaly.error("sip.parser.failed", 0, "parser failure: " + bug));
            return new SipRequest("?", null, null, "", 0, new SipHeaders(List.of(), message),
                    new SipBody.Empty(0), a);
        }
    }

    private static SipMessage parseOrNull(Bytes message) {
        byte[] a = message.array();
        int base = message.offset();
        int n = message.length();
        int[] junk = new int[1];
        int abs = StartLine.find(a, base, base + n, junk);
        if (abs < 0) {
            return null;
        }
        int start = abs - base;
        List<Anomaly> anomalies = new ArrayList<>();
        if (junk[0] > 0) {
            anomalies.add(warning("sip.leading_junk", start, junk[0] + " junk bytes before the start line"));
        }
        int lf = StartLine.lineEnd(a, abs, base + n) - base;
        int e = StartLine.trimCr(a, abs, base + lf) - base;
        String line = new String(a, abs, e - start, StandardCharsets.UTF_8);
        List<SipHeader> headers = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        int bodyStart = lf + 1 <= n ? HeaderBlock.read(message, Math.min(lf + 1, n), n, headers, bad) : -1;
        for (int b : bad) {
            anomalies.add(warning("sip.header.malformed", b, "header line without a colon"));
        }
        SipHeaders h = new SipHeaders(headers, message);
        for (SipHeader x : headers) {
            if (x.length() > SipScanner.MAX_LINE && !x.raw().contains("\n")) {
                anomalies.add(warning("sip.line.too_long", x.offset(), "header line of " + x.length() + " bytes"));
            }
        }
        if (bodyStart < 0) {
            anomalies.add(warning("sip.header.unterminated", n, "no blank line after the headers"));
        }
        for (String required : new String[] {"Call-ID", "From", "To", "CSeq", "Via"}) {
            if (!h.has(required)) {
                anomalies.add(warning("sip.header.missing", -1, required + " header missing"));
            }
        }
        SipHeader cseqHeader = h.first("CSeq");
        if (cseqHeader != null) {
            CSeq c = CSeq.parse(new HeaderValue(cseqHeader.value(), cseqHeader.valueOffset(), 0));
            if (!c.isValid()) {
                anomalies.add(warning("sip.cseq.invalid", cseqHeader.valueOffset(),
                        "invalid CSeq \"" + cseqHeader.value() + "\""));
            }
        }
        int available = bodyStart < 0 ? 0 : n - bodyStart;
        int bodyLength = available;
        SipHeader cl = h.first("Content-Length");
        if (cl != null) {
            long v = Params.parseLong(cl.value(), -1);
            if (v < 0 || v > Integer.MAX_VALUE || cl.value().length() > 12) {
                anomalies.add(warning("sip.content_length.invalid", cl.valueOffset(),
                        "invalid Content-Length \"" + cl.value() + "\""));
            } else if (v < available) {
                bodyLength = (int) v;
            } else if (v > available) {
                anomalies.add(warning("sip.body.truncated", n, "Content-Length " + v + " but " + available
                        + " body bytes present"));
            }
        }
        int bodyFrom = bodyStart < 0 ? n : bodyStart;
        SipBody body = BodyParser.parse(message, bodyFrom, bodyLength, h.value("Content-Type"), anomalies, 0);
        List<Anomaly> list = List.copyOf(anomalies);
        if (StartLine.isStatusLine(a, abs, base + e)) {
            int status = (a[abs + 8] - '0') * 100 + (a[abs + 9] - '0') * 10 + (a[abs + 10] - '0');
            String reason = line.length() > 12 ? line.substring(12).strip() : "";
            return new SipResponse(status, reason, line.substring(0, 7), line, start, h, body, list);
        }
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        String uri = line.substring(sp1 + 1, sp2);
        return new SipRequest(line.substring(0, sp1), SipUri.parse(uri), line.substring(sp2 + 1), line, start, h,
                body, list);
    }

    private static Anomaly warning(String code, int offset, String text) {
        return new Anomaly(code, Anomaly.Severity.WARNING, 0, offset, text);
    }
}
