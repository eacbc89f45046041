package dev.parley.view.callflow;

import dev.parley.decode.Bytes;
import dev.parley.decode.sdp.MediaDescription;
import dev.parley.decode.sdp.RtpMap;
import dev.parley.decode.sdp.SessionDescription;
import dev.parley.decode.sip.BodyPart;
import dev.parley.decode.sip.SipBody;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.view.callflow.Rows.MediaRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The SDP of a message as media rows: parses the bytes with SipParser, SDP found directly or in a multipart. */
final class SdpMedia {
    private SdpMedia() {
    }

    /** The parsed message, or null when its bytes are not at hand or are no SIP. */
    static SipMessage parse(SipMessageRef ref, Function<SipMessageRef, byte[]> bytes) {
        byte[] b = ref == null || bytes == null ? null : bytes.apply(ref);
        return b == null ? null : SipParser.parse(Bytes.of(b));
    }

    static SessionDescription sdp(SipMessage m) {
        return m == null ? null : find(m.body());
    }

    private static SessionDescription find(SipBody body) {
        if (body instanceof SipBody.Sdp s) {
            return s.sdp();
        }
        if (body instanceof SipBody.Multipart mp) {
            for (BodyPart p : mp.parts()) {
                SessionDescription d = find(p.body());
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    static void rows(String side, SessionDescription sdp, long frame, List<MediaRow> out) {
        for (MediaDescription m : sdp.media()) {
            String address = (m.connection() == null || m.connection().address() == null ? "?"
                    : m.connection().address()) + ":" + (m.port() < 0 ? "?" : Integer.toString(m.port()));
            out.add(new MediaRow(side, m.media(), address, codecs(m), m.direction().name().toLowerCase(Locale.ROOT),
                    frame));
        }
    }

    static String codecs(MediaDescription m) {
        List<String> names = new ArrayList<>(m.formats().size());
        for (String pt : m.formats()) {
            RtpMap r = m.rtpMap(pt);
            if (r != null && r.encoding() != null) {
                names.add(r.encoding() + (r.clockRate() > 0 ? "/" + r.clockRate() : ""));
            } else {
                names.add(staticName(pt));
            }
        }
        return names.isEmpty() ? "\u2014" : String.join(", ", names);
    }

    private static String staticName(String pt) {
        switch (pt) {
            case "0": return "PCMU/8000";
            case "3": return "GSM/8000";
            case "4": return "G723/8000";
            case "8": return "PCMA/8000";
            case "9": return "G722/8000";
            case "13": return "CN/8000";
            case "18": return "G729/8000";
            case "34": return "H263/90000";
            default: return pt;
        }
    }
}
