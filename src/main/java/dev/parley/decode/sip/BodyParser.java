package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.cpim.CpimParser;
import dev.parley.decode.isup.IsupParser;
import dev.parley.decode.sdp.SdpParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Decodes a body by its Content-Type; multipart recursively (bounded depth). */
final class BodyParser {
    private static final int MAX_DEPTH = 4;

    private BodyParser() {
    }

    /** {@code from}/{@code length} place the body in {@code message}; {@code contentType} is the full header value. */
    static SipBody parse(Bytes message, int from, int length, String contentType, List<Anomaly> anomalies, int depth) {
        if (length <= 0) {
            return new SipBody.Empty(from);
        }
        Bytes body = message.slice(from, length);
        String type = mediaType(contentType);
        if (type == null) {
            type = "";
        }
        if (type.equals("application/sdp")) {
            return new SipBody.Sdp(SdpParser.parse(body), from, length);
        }
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            return multipart(message, from, length, contentType, type, anomalies, depth);
        }
        if (type.equals("application/isup")) {
            return new SipBody.Isup(IsupParser.parse(body), from, length);
        }
        if (type.equals("message/cpim")) {
            return new SipBody.Cpim(CpimParser.parse(body), from, length);
        }
        if (isText(body)) {
            return new SipBody.Text(type.isEmpty() ? null : type, body.utf8(), from, length);
        }
        return new SipBody.Binary(type.isEmpty() ? null : type, body, from, length);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String t = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static SipBody multipart(Bytes message, int from, int length, String contentType, String type,
                                     List<Anomaly> anomalies, int depth) {
        int semi = contentType.indexOf(';');
        Map<String, String> params = semi < 0 ? Map.of() : Params.parse(contentType, semi + 1, ';');
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            anomalies.add(Anomaly.warning("sip.multipart.no_boundary", 0, "multipart body without boundary")
                    .atOffset(from));
            return new SipBody.Text(type, message.slice(from, length).utf8(), from, length);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Bytes body = message.slice(from, length);
        List<BodyPart> parts = new ArrayList<>();
        int d = delimiterAt(body, delimiter, 0);
        if (d < 0) {
            anomalies.add(Anomaly.warning("sip.multipart.no_delimiter", 0, "boundary \"" + boundary
                    + "\" not found in the body").atOffset(from));
            return new SipBody.Multipart(type, boundary, List.of(), from, length);
        }
        boolean closed = false;
        while (d >= 0) {
            int after = d + delimiter.length;
            if (after + 1 < body.length() && body.u8(after) == '-' && body.u8(after + 1) == '-') {
                closed = true;
                break;
            }
            int lf = body.indexOf((byte) '\n', after);
            if (lf < 0) {
                break;
            }
            int partStart = lf + 1;
            int next = delimiterAt(body, delimiter, partStart);
            int partEnd = next < 0 ? body.length() : next;
            // the line break before the next delimiter belongs to the delimiter
            if (next >= 0 && partEnd > partStart && body.u8(partEnd - 1) == '\n') {
                partEnd--;
                if (partEnd > partStart && body.u8(partEnd - 1) == '\r') {
                    partEnd--;
                }
            }
            parts.add(part(message, from + partStart, from + partEnd, anomalies, depth));
            d = next;
        }
        if (!closed) {
            anomalies.add(Anomaly.note("sip.multipart.unterminated", 0, "multipart body without closing delimiter")
                    .atOffset(from + length));
        }
        return new SipBody.Multipart(type, boundary, List.copyOf(parts), from, length);
    }

    private static BodyPart part(Bytes message, int start, int end, List<Anomaly> anomalies, int depth) {
        List<SipHeader> headers = new ArrayList<>();
        int bodyStart;
        if (start < end && (message.u8(start) == '\n' || (message.u8(start) == '\r' && message.u8(start + 1) == '\n'))) {
            bodyStart = message.u8(start) == '\n' ? start + 1 : start + 2; // no part headers
        } else {
            bodyStart = HeaderBlock.read(message, start, end, headers, new ArrayList<>());
            if (bodyStart < 0) {
                bodyStart = end;
            }
        }
        SipHeaders h = new SipHeaders(headers, message);
        String ct = h.value("Content-Type");
        SipBody body = parse(message, bodyStart, end - bodyStart, ct == null ? "text/plain" : ct, anomalies, depth + 1);
        return new BodyPart(h, mediaType(ct), body, start, end - start);
    }

    /** Index of a delimiter at a line start at or after {@code from} in {@code body}, or -1. */
    private static int delimiterAt(Bytes body, byte[] delimiter, int from) {
        int i = from;
        while (true) {
            int d = body.indexOf(delimiter, i);
            if (d < 0) {
                return -1;
            }
            if (d == 0 || body.u8(d - 1) == '\n') {
                return d;
            }
            i = d + 1;
        }
    }

    /** Printable: valid enough UTF-8 or ASCII with no control bytes other than tab, CR and LF. */
    static boolean isText(Bytes b) {
        byte[] a = b.array();
        int end = b.offset() + b.length();
        for (int i = b.offset(); i < end; i++) {
            int c = a[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
            if (c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
