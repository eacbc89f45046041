package dev.parley.view.message;

import dev.parley.decode.Anomaly;
import dev.parley.decode.sdp.MediaDescription;
import dev.parley.decode.sdp.RtpMap;
import dev.parley.decode.sdp.SdpLine;
import dev.parley.decode.sdp.SessionDescription;
import java.util.List;
import java.util.Locale;

/** SDP as a tree: session-level lines, then one node per m= section with connection, codecs and direction. */
final class SdpNodes {
    private static final String[] STATIC_PT = new String[35];

    static {
        STATIC_PT[0] = "PCMU/8000";
        STATIC_PT[3] = "GSM/8000";
        STATIC_PT[4] = "G723/8000";
        STATIC_PT[5] = "DVI4/8000";
        STATIC_PT[6] = "DVI4/16000";
        STATIC_PT[7] = "LPC/8000";
        STATIC_PT[8] = "PCMA/8000";
        STATIC_PT[9] = "G722/8000";
        STATIC_PT[10] = "L16/44100/2";
        STATIC_PT[11] = "L16/44100";
        STATIC_PT[12] = "QCELP/8000";
        STATIC_PT[13] = "CN/8000";
        STATIC_PT[14] = "MPA/90000";
        STATIC_PT[15] = "G728/8000";
        STATIC_PT[18] = "G729/8000";
        STATIC_PT[26] = "JPEG/90000";
        STATIC_PT[31] = "H261/90000";
        STATIC_PT[32] = "MPV/90000";
        STATIC_PT[34] = "H263/90000";
    }

    private SdpNodes() {
    }

    /** Children of {@code n} for {@code sdp}, whose offsets are relative to {@code base} in the message. */
    static void add(Node n, SessionDescription sdp, int base, Locator at, List<Anomaly> problems) {
        List<SdpLine> lines = sdp.lines();
        int i = 0;
        for (; i < lines.size() && lines.get(i).type() != 'm'; i++) {
            SdpLine l = lines.get(i);
            Node ln = n.add(name(l.type()), l.value(), base + l.offset(), l.length());
            if (l.type() == 'o' && sdp.origin() != null) {
                var o = sdp.origin();
                part(ln, "Username", o.username(), at);
                part(ln, "Session ID", o.sessionId(), at);
                part(ln, "Session version", o.sessionVersion(), at);
                part(ln, "Network type", o.networkType(), at);
                part(ln, "Address type", o.addressType(), at);
                part(ln, "Address", o.address(), at);
            } else if (l.type() == 'c') {
                connectionParts(ln, l.value(), at);
            }
        }
        for (MediaDescription m : sdp.media()) {
            media(n, m, lines, base, at);
        }
        for (String p : sdp.problems()) {
            Node x = n.addHere("Problem", p);
            x.anomaly = true;
            problems.add(new Anomaly("sdp.malformed", Anomaly.Severity.WARNING, 0, n.offset, p));
        }
    }

    private static void media(Node parent, MediaDescription m, List<SdpLine> lines, int base, Locator at) {
        int from = base + m.offset();
        int to = from + m.length();
        Node n = parent.add("Media", m.media() + " " + (m.port() < 0 ? "?" : Integer.toString(m.port())) + " "
                + m.protocol() + " " + String.join(" ", m.formats()), from, Math.max(0, to - from));
        Node mLine = null;
        for (SdpLine l : lines) {
            if (base + l.offset() == from) {
                mLine = new Node("m", l.value(), from, l.length());
            }
        }
        if (mLine == null) {
            mLine = new Node("m", null, from, 0);
        }
        at.child(n, "Media type", m.media(), m.media()).length = Math.min(m.media().length() + 2, mLine.length);
        n.children.get(n.children.size() - 1).offset = from;
        at.child(mLine, "Port", m.port() < 0 ? "invalid" : Integer.toString(m.port()),
                m.port() < 0 ? null : " " + m.port());
        Node port = mLine.children.get(mLine.children.size() - 1);
        if (port.offset != mLine.offset) {
            port.offset++;
            port.length--;
        }
        n.add(port);
        if (m.protocol() != null) {
            n.add(at.child(mLine, "Protocol", m.protocol(), m.protocol()));
        }
        Node conn = null;
        for (SdpLine l : lines) {
            int off = base + l.offset();
            if (l.type() == 'c' && off >= from && off < to) {
                conn = n.add("Connection", l.value(), off, l.length());
                connectionParts(conn, l.value(), at);
            }
        }
        if (conn == null && m.connection() != null) {
            n.add("Connection", m.connection().networkType() + " " + m.connection().addressType() + " "
                    + m.connection().address() + " (session level)", -1, 0);
        }
        for (String pt : m.formats()) {
            RtpMap r = m.rtpMap(pt);
            String codec = r != null && r.encoding() != null ? r.encoding() + (r.clockRate() > 0 ? "/" + r.clockRate()
                    : "") + (r.channels() > 0 ? "/" + r.channels() : "") : staticName(pt);
            Node c;
            int[] at1 = at.find(from, to, "a=rtpmap:" + pt + " ");
            if (at1 != null) {
                c = n.add("Codec", pt + " " + codec, at1[0], at.lineEnd(at1[0]) - at1[0]);
            } else {
                c = n.add("Codec", pt + " " + codec, mLine.offset, mLine.length);
            }
            if (r != null && r.encoding() != null) {
                c.addHere("Payload type", pt);
                c.addHere("Encoding", r.encoding());
                if (r.clockRate() > 0) {
                    c.addHere("Clock rate", Integer.toString(r.clockRate()));
                }
                if (r.channels() > 0) {
                    c.addHere("Channels", Integer.toString(r.channels()));
                }
            }
            String fmtp = m.fmtp().get(pt);
            if (fmtp != null) {
                int[] f = at.find(from, to, "a=fmtp:" + pt);
                c.add("fmtp", fmtp, f == null ? c.offset : f[0], f == null ? c.length : at.lineEnd(f[0]) - f[0]);
            }
        }
        String dir = m.direction().name().toLowerCase(Locale.ROOT);
        int[] d = at.find(from, to, "a=" + dir);
        n.add("Direction", dir + (d == null ? " (default)" : ""), d == null ? from : d[0],
                d == null ? 0 : d[1]);
        for (SdpLine l : lines) {
            int off = base + l.offset();
            if (off <= from || off >= to || l.type() == 'c') {
                continue;
            }
            if (l.type() == 'a') {
                String v = l.value().toLowerCase(Locale.ROOT);
                if (v.startsWith("rtpmap:") || v.startsWith("fmtp:") || v.equals("sendrecv") || v.equals("sendonly")
                        || v.equals("recvonly") || v.equals("inactive")) {
                    continue;
                }
            }
            n.add(name(l.type()), l.value(), off, l.length());
        }
    }

    private static void connectionParts(Node ln, String value, Locator at) {
        String[] p = value.strip().split("\\s+");
        if (p.length >= 3) {
            part(ln, "Network type", p[0], at);
            part(ln, "Address type", p[1], at);
            part(ln, "Address", p[2], at);
        }
    }

    private static void part(Node n, String label, String value, Locator at) {
        if (value != null) {
            at.child(n, label, value, value);
        }
    }

    private static String staticName(String pt) {
        if (pt.length() <= 2 && pt.chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(pt);
            if (v < STATIC_PT.length && STATIC_PT[v] != null) {
                return STATIC_PT[v];
            }
        }
        return "(no rtpmap)";
    }

    /** "Version (v)", "Media attribute (a)": the name Wireshark uses for each line type. */
    static String name(char type) {
        switch (type) {
            case 'v': return "Version (v)";
            case 'o': return "Origin (o)";
            case 's': return "Session name (s)";
            case 'i': return "Information (i)";
            case 'u': return "URI (u)";
            case 'e': return "Email (e)";
            case 'p': return "Phone (p)";
            case 'c': return "Connection (c)";
            case 'b': return "Bandwidth (b)";
            case 't': return "Time (t)";
            case 'r': return "Repeat (r)";
            case 'z': return "Time zone (z)";
            case 'k': return "Key (k)";
            case 'a': return "Attribute (a)";
            case 'm': return "Media (m)";
            default: return type + "";
        }
    }
}
