package dev.parley.export;

import dev.parley.capture.file.PcapWriter;
import dev.parley.testsupport.UdpFrames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a capture of one call between 10.0.0.1:5060 and 10.0.0.2:5060 with SDP (media 10.0.0.1:6000 and
 * 10.0.0.2:7000), {@code options} in-dialog OPTIONS/200 pairs, RTP and RTCP during the call, and UDP noise that an
 * export must leave out (another host, and RTP after the call's last message).
 */
final class HandMadeCall {
    static final String CALL_ID = "hand-made-1@10.0.0.1";
    static final int A = UdpFrames.ipv4(10, 0, 0, 1);
    static final int B = UdpFrames.ipv4(10, 0, 0, 2);
    static final int C = UdpFrames.ipv4(10, 0, 0, 9);

    /** Frames of the capture that are media of the call (RTP both ways + RTCP). */
    static final int MEDIA_FRAMES = 5;

    private final PcapWriter out;
    private long t = 1_700_000_000_000_000_000L;
    private int id;

    private HandMadeCall(PcapWriter out) {
        this.out = out;
    }

    /** Writes the capture to args[0] with args[1] OPTIONS pairs: a long call to export and look at by hand. */
    public static void main(String[] args) throws IOException {
        System.out.println(write(Path.of(args[0]), Integer.parseInt(args[1])) + " messages");
    }

    /** Writes the capture; returns the number of SIP messages in it (7 + 2 x options). */
    static int write(Path file, int options) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             PcapWriter writer = new PcapWriter(os, UdpFrames.LINKTYPE_ETHERNET, 65535)) {
            return new HandMadeCall(writer).call(options);
        }
    }

    private int call(int options) throws IOException {
        String sdpA = sdp("10.0.0.1", 6000);
        String sdpB = sdp("10.0.0.2", 7000);
        sip(A, B, request("INVITE", 1, "z9hG4bK-1", null, sdpA));
        sip(B, A, response("100 Trying", 1, "INVITE", "z9hG4bK-1", null, null));
        sip(B, A, response("180 Ringing", 1, "INVITE", "z9hG4bK-1", "b-tag", null));
        sip(B, A, response("200 OK", 1, "INVITE", "z9hG4bK-1", "b-tag", sdpB));
        sip(A, B, request("ACK", 1, "z9hG4bK-2", "b-tag", null));
        udp(A, 6000, B, 7000, new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}); // RTP a -> b
        udp(B, 7000, A, 6000, new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2}); // RTP b -> a
        udp(C, 9000, UdpFrames.ipv4(10, 0, 0, 8), 9002, new byte[] {1, 2, 3}); // noise
        for (int i = 0; i < options; i++) {
            sip(A, B, request("OPTIONS", 2 + i, "z9hG4bK-o" + i, "b-tag", null));
            sip(B, A, response("200 OK", 2 + i, "OPTIONS", "z9hG4bK-o" + i, "b-tag", null));
        }
        udp(A, 6001, B, 7001, new byte[] {(byte) 0x81, (byte) 200, 0, 6}); // RTCP
        udp(A, 6000, B, 7000, new byte[] {(byte) 0x80, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1});
        udp(B, 7000, A, 6000, new byte[] {(byte) 0x80, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2});
        sip(A, B, request("BYE", 2 + options, "z9hG4bK-3", "b-tag", null));
        sip(B, A, response("200 OK", 2 + options, "BYE", "z9hG4bK-3", "b-tag", null));
        t += 1_000_000_000L;
        udp(A, 6000, B, 7000, new byte[] {(byte) 0x80, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 1}); // after the call
        return 7 + 2 * options;
    }

    private static String sdp(String ip, int port) {
        return "v=0\r\no=user1 53655765 2353687637 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    private static String request(String method, int cseq, String branch, String toTag, String body) {
        String uri = "sip:2125551212@10.0.0.2:5060";
        return message(method + " " + uri + " SIP/2.0", cseq, method, branch, toTag, body);
    }

    private static String response(String status, int cseq, String method, String branch, String toTag,
                                   String body) {
        return message("SIP/2.0 " + status, cseq, method, branch, toTag, body);
    }

    private static String message(String start, int cseq, String method, String branch, String toTag, String body) {
        StringBuilder b = new StringBuilder(start).append("\r\n");
        b.append("Via: SIP/2.0/UDP 10.0.0.1:5060;branch=").append(branch).append("\r\n");
        b.append("From: \"Alice Liddell\" <sip:alice@10.0.0.1:5060>;tag=a-tag\r\n");
        b.append("To: <sip:2125551212@10.0.0.2:5060>").append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
        b.append("Call-ID: ").append(CALL_ID).append("\r\n");
        b.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        b.append("Contact: <sip:alice@10.0.0.1:5060>\r\n");
        if (body == null) {
            b.append("Content-Length: 0\r\n\r\n");
        } else {
            b.append("Content-Type: application/sdp\r\nContent-Length: ").append(body.length()).append("\r\n\r\n")
                    .append(body);
        }
        return b.toString();
    }

    private void sip(int src, int dst, String text) throws IOException {
        udp(src, 5060, dst, 5060, text.getBytes(StandardCharsets.US_ASCII));
    }

    private void udp(int src, int srcPort, int dst, int dstPort, byte[] payload) throws IOException {
        t += 10_000_000L;
        out.write(t, UdpFrames.frame(src, srcPort, dst, dstPort, ++id, payload));
    }
}
