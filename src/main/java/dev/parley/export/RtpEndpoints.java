package dev.parley.export;

import dev.parley.decode.Bytes;
import dev.parley.decode.Endpoint;
import dev.parley.decode.IpAddress;
import dev.parley.decode.sdp.MediaDescription;
import dev.parley.decode.sdp.SdpConnection;
import dev.parley.decode.sdp.SessionDescription;
import dev.parley.decode.sip.BodyPart;
import dev.parley.decode.sip.SipBody;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import java.util.Set;

/**
 * The media endpoints a SIP message's SDP announces: for every accepted m= line its connection address and port (RTP)
 * and the RTCP port (a=rtcp, else port + 1, RFC 3550). Offers and answers both count: each side says where it
 * receives, so the union covers both directions of every stream.
 */
final class RtpEndpoints {
    private RtpEndpoints() {
    }

    /** Adds the endpoints of the SDP in the message bytes (if any) to {@code into}. */
    static void add(byte[] message, Set<Endpoint> into) {
        if (message == null) {
            return;
        }
        SipMessage parsed = SipParser.parse(Bytes.of(message));
        if (parsed != null) {
            add(parsed.body(), into);
        }
    }

    private static void add(SipBody body, Set<Endpoint> into) {
        if (body instanceof SipBody.Sdp s) {
            add(s.sdp(), into);
        } else if (body instanceof SipBody.Multipart mp) {
            for (BodyPart p : mp.parts()) {
                add(p.body(), into);
            }
        }
    }

    static void add(SessionDescription sdp, Set<Endpoint> into) {
        for (MediaDescription m : sdp.media()) {
            if (m.port() <= 0) {
                continue; // rejected stream
            }
            SdpConnection c = m.connection() != null ? m.connection() : sdp.connection();
            IpAddress ip = c == null || c.address() == null ? null : IpAddress.parse(address(c.address()));
            if (ip == null) {
                continue; // a host name or a missing c= line: nothing to match packets on
            }
            into.add(new Endpoint(ip, m.port()));
            into.add(new Endpoint(ip, rtcpPort(m)));
        }
    }

    /** "a=rtcp:port [nettype addrtype address]" (RFC 3605), else the next port. */
    private static int rtcpPort(MediaDescription m) {
        String rtcp = m.attribute("rtcp");
        if (rtcp != null) {
            int end = 0;
            while (end < rtcp.length() && Character.isDigit(rtcp.charAt(end))) {
                end++;
            }
            if (end > 0 && end <= 5) {
                return Integer.parseInt(rtcp.substring(0, end));
            }
        }
        return m.port() + 1;
    }

    /** A multicast c= address may carry "/ttl/count": keep the address. */
    private static String address(String a) {
        int slash = a.indexOf('/');
        return slash < 0 ? a.strip() : a.substring(0, slash).strip();
    }
}
