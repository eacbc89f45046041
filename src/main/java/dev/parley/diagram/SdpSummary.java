package dev.parley.diagram;

import dev.parley.decode.Bytes;
import dev.parley.decode.sdp.Direction;
import dev.parley.decode.sdp.MediaDescription;
import dev.parley.decode.sdp.RtpMap;
import dev.parley.decode.sdp.SdpConnection;
import dev.parley.decode.sdp.SessionDescription;
import dev.parley.decode.sip.BodyPart;
import dev.parley.decode.sip.SipBody;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import java.util.List;

/** One line saying what an SDP body offers: "PCMU/8000 PCMA/8000 @ 10.0.0.1:6000", media after media. */
final class SdpSummary {
    private static final int MAX_CODECS = 4;

    private SdpSummary() {
    }

    /** The summary of the SDP in a SIP message, or null when the message carries none. */
    static String of(byte[] message) {
        SipMessage parsed = SipParser.parse(Bytes.of(message)); // null when the bytes hold no SIP message
        SessionDescription sdp = parsed == null ? null : find(parsed.body());
        return sdp == null ? null : of(sdp);
    }

    static String of(SessionDescription sdp) {
        StringBuilder out = new StringBuilder();
        for (MediaDescription m : sdp.media()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            if (!"audio".equalsIgnoreCase(m.media())) {
                out.append(m.media()).append(' ');
            }
            if (m.port() == 0) {
                out.append("rejected");
                continue;
            }
            appendCodecs(out, m);
            SdpConnection c = m.connection() != null ? m.connection() : sdp.connection();
            out.append(" @ ");
            if (c != null && c.address() != null) {
                out.append(c.address().indexOf(':') >= 0 ? "[" + c.address() + "]" : c.address());
            } else {
                out.append('?');
            }
            out.append(':').append(m.port());
            Direction d = m.direction();
            if (d != null && d != Direction.SENDRECV) {
                out.append(' ').append(d.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out.length() == 0 ? "no media" : out.toString();
    }

    private static void appendCodecs(StringBuilder out, MediaDescription m) {
        List<String> formats = m.formats();
        int shown = 0;
        int skipped = 0;
        for (String pt : formats) {
            String name = codec(m, pt);
            if (name.startsWith("telephone-event") || name.startsWith("comfort-noise")) {
                continue; // present in nearly every offer; they would crowd out the voice codecs
            }
            if (shown == MAX_CODECS) {
                skipped++;
                continue;
            }
            if (shown > 0) {
                out.append(' ');
            }
            out.append(name);
            shown++;
        }
        if (skipped > 0) {
            out.append(" +").append(skipped);
        }
        if (shown == 0) {
            out.append(formats.isEmpty() ? "-" : codec(m, formats.get(0)));
        }
    }

    private static String codec(MediaDescription m, String pt) {
        RtpMap map = m.rtpMap(pt);
        if (map != null && map.encoding() != null) {
            return map.clockRate() > 0 ? map.encoding() + "/" + map.clockRate() : map.encoding();
        }
        switch (pt) { // static payload types (RFC 3551) often come without rtpmap
            case "0": return "PCMU/8000";
            case "3": return "GSM/8000";
            case "4": return "G723/8000";
            case "8": return "PCMA/8000";
            case "9": return "G722/8000";
            case "13": return "comfort-noise/8000";
            case "18": return "G729/8000";
            default: return pt;
        }
    }

    private static SessionDescription find(SipBody body) {
        if (body instanceof SipBody.Sdp s) {
            return s.sdp();
        }
        if (body instanceof SipBody.Multipart mp) {
            for (BodyPart p : mp.parts()) {
                SessionDescription found = find(p.body());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
