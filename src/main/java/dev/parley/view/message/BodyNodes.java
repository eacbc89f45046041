package dev.parley.view.message;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.cpim.CpimHeader;
import dev.parley.decode.cpim.CpimMessage;
import dev.parley.decode.isup.IsupMessage;
import dev.parley.decode.isup.IsupNumber;
import dev.parley.decode.sip.BodyPart;
import dev.parley.decode.sip.SipBody;
import dev.parley.decode.sip.SipHeader;
import java.util.List;

/** The body tree: SDP by media, multipart parts, ISUP, CPIM, text lines, hex for binary. */
final class BodyNodes {
    /** Binary bodies show at most this many hex rows; the hex pane has the rest. */
    private static final int MAX_HEX_ROWS = 64;
    private static final int MAX_TEXT_LINES = 500;

    private BodyNodes() {
    }

    /** The "Message Body" node, or null for an empty body. Body decoder problems go to {@code problems}. */
    static Node body(SipBody body, String contentType, Locator at, byte[] bytes, List<Anomaly> problems) {
        if (body instanceof SipBody.Empty) {
            return null;
        }
        Node n = new Node(DetailTreeBuilder.BODY, (contentType == null ? "no Content-Type" : contentType) + ", "
                + body.length() + " bytes", body.offset(), body.length());
        content(n, body, at, bytes, problems);
        return n;
    }

    /** Adds the decoded content of {@code body} under {@code n}. */
    private static void content(Node n, SipBody body, Locator at, byte[] bytes, List<Anomaly> problems) {
        if (body instanceof SipBody.Sdp s) {
            SdpNodes.add(n.add("Session Description Protocol", null, s.offset(), s.length()), s.sdp(), s.offset(),
                    at, problems);
        } else if (body instanceof SipBody.Multipart m) {
            multipart(n, m, at, bytes, problems);
        } else if (body instanceof SipBody.Isup i) {
            isup(n.add("ISUP", i.isup().typeName(), i.offset(), i.length()), i.isup(), problems);
        } else if (body instanceof SipBody.Cpim c) {
            cpim(n.add("CPIM message", null, c.offset(), c.length()), c.cpim(), c.offset(), at, problems);
        } else if (body instanceof SipBody.Text t) {
            lines(n, bytes, t.offset(), t.length());
        } else if (body instanceof SipBody.Binary b) {
            hex(n, b.bytes(), b.offset());
        }
    }

    private static void multipart(Node n, SipBody.Multipart m, Locator at, byte[] bytes, List<Anomaly> problems) {
        Node mp = n.add("Multipart", m.contentType() + ", boundary " + m.boundary(), m.offset(), m.length());
        int i = 1;
        for (BodyPart p : m.parts()) {
            Node part = mp.add("Part " + i++, p.contentType() == null ? "no Content-Type" : p.contentType(),
                    p.offset(), p.length());
            for (SipHeader h : p.headers().all()) {
                part.add(h.fullName(), h.value(), h.offset(), h.length());
            }
            if (!(p.body() instanceof SipBody.Empty)) {
                Node b = part.add("Body", p.body().length() + " bytes", p.body().offset(), p.body().length());
                content(b, p.body(), at, bytes, problems);
            }
        }
    }

    private static void isup(Node n, IsupMessage m, List<Anomaly> problems) {
        n.addHere("Message type", m.type() < 0 ? "none" : m.typeName() + " (0x" + hex2(m.type()) + ")");
        number(n, "Called party number", m.calledParty());
        number(n, "Calling party number", m.callingParty());
        if (m.causeValue() >= 0) {
            n.addHere("Cause value", Integer.toString(m.causeValue()));
        }
        if (!m.optionalParameterCodes().isEmpty()) {
            Node o = n.addHere("Optional parameters", Integer.toString(m.optionalParameterCodes().size()));
            for (int code : m.optionalParameterCodes()) {
                o.addHere("Parameter", "0x" + hex2(code));
            }
        }
        for (String p : m.problems()) {
            n.addHere("Problem", p).anomaly = true;
            problems.add(new Anomaly("isup.malformed", Anomaly.Severity.WARNING, 0, n.offset, p));
        }
    }

    private static void number(Node parent, String label, IsupNumber num) {
        if (num == null) {
            return;
        }
        Node n = parent.addHere(label, num.digits());
        n.addHere("Digits", num.digits());
        n.addHere("Nature of address", num.natureOfAddressName() + " (" + num.natureOfAddress() + ")");
        n.addHere("Numbering plan", num.numberingPlan() == 1 ? "ISDN/telephony E.164 (1)"
                : Integer.toString(num.numberingPlan()));
        n.addHere("Odd/even", num.odd() ? "odd number of digits" : "even number of digits");
        if (num.presentation() >= 0) {
            n.addHere("Presentation", num.presentation() == 0 ? "allowed" : num.presentation() == 1 ? "restricted"
                    : Integer.toString(num.presentation()));
        }
        if (num.screening() >= 0) {
            n.addHere("Screening", Integer.toString(num.screening()));
        }
    }

    private static void cpim(Node n, CpimMessage c, int base, Locator at, List<Anomaly> problems) {
        Node headers = n.add("CPIM headers", Integer.toString(c.headers().size()), -1, 0);
        cpimHeaders(headers, c.headers(), base, at);
        Node inner = n.add("Content headers", Integer.toString(c.contentHeaders().size()), -1, 0);
        cpimHeaders(inner, c.contentHeaders(), base, at);
        int off = base + c.contentOffset();
        if (c.text() != null) {
            Node t = n.add("Text", c.text().strip(), off, c.content().length());
            if (c.text().indexOf('\n') >= 0 && c.text().strip().indexOf('\n') >= 0) {
                lines(t, c.content().array(), c.content().offset(), c.content().length(), off);
            }
        } else {
            hex(n.add("Content", c.contentType() + ", " + c.content().length() + " bytes", off, c.content().length()),
                    c.content(), off);
        }
        for (String p : c.problems()) {
            n.addHere("Problem", p).anomaly = true;
            problems.add(new Anomaly("cpim.malformed", Anomaly.Severity.WARNING, 0, n.offset, p));
        }
    }

    private static void cpimHeaders(Node parent, List<CpimHeader> headers, int base, Locator at) {
        int s = Integer.MAX_VALUE;
        int e = -1;
        for (CpimHeader h : headers) {
            int off = base + h.offset();
            int end = at.lineEnd(off);
            parent.add(h.name(), h.value(), off, end - off);
            s = Math.min(s, off);
            e = Math.max(e, end);
        }
        if (e > 0) {
            parent.offset = s;
            parent.length = e - s;
        }
    }

    /** One node per text line of bytes[from, from+length). */
    static void lines(Node n, byte[] bytes, int from, int length) {
        lines(n, bytes, from, length, from);
    }

    /** Lines of a[from, from+length), placed at {@code messageOffset} in the message. */
    private static void lines(Node n, byte[] a, int from, int length, int messageOffset) {
        int p = from;
        int end = from + length;
        int count = 0;
        while (p < end && count < MAX_TEXT_LINES) {
            int lf = p;
            while (lf < end && a[lf] != '\n') {
                lf++;
            }
            int e = lf > p && a[lf - 1] == '\r' ? lf - 1 : lf;
            String line = new String(a, p, e - p, java.nio.charset.StandardCharsets.UTF_8);
            n.add("Line " + (++count), line, messageOffset + (p - from), e - p);
            p = lf + 1;
        }
        if (p < end) {
            n.add("\u2026", (end - p) + " more bytes", messageOffset + (p - from), end - p);
        }
    }

    /** Rows of 16 bytes in hex, as the tree shows a binary body. */
    static void hex(Node n, Bytes b, int messageOffset) {
        int rows = 0;
        for (int i = 0; i < b.length() && rows < MAX_HEX_ROWS; i += 16, rows++) {
            int len = Math.min(16, b.length() - i);
            StringBuilder sb = new StringBuilder(48);
            for (int k = 0; k < len; k++) {
                if (k > 0) {
                    sb.append(' ');
                }
                sb.append(hex2(b.u8(i + k)));
            }
            n.add(hex4(i), sb.toString(), messageOffset + i, len);
        }
        if (rows * 16 < b.length()) {
            n.add("\u2026", (b.length() - rows * 16) + " more bytes", messageOffset + rows * 16,
                    b.length() - rows * 16);
        }
    }

    static String hex2(int v) {
        String s = Integer.toHexString(v & 0xff);
        return s.length() == 1 ? "0" + s : s;
    }

    static String hex4(int v) {
        String s = Integer.toHexString(v);
        return "0000".substring(Math.min(4, s.length())) + s;
    }
}
