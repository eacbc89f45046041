package dev.parley.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SdpSummaryTest {

    private static byte[] invite(String contentType, String body) {
        String msg = "INVITE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n"
                + "Call-ID: a@b\r\nCSeq: 1 INVITE\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:b@c>\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        return msg.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void audioAndVideoWithStaticTypesAndDirections() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 6000 RTP/AVP 0 8 18 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n"
                + "m=video 6002 RTP/AVP 96\r\nc=IN IP4 10.0.0.2\r\na=rtpmap:96 H264/90000\r\n"
                + "m=image 0 udptl t38\r\n";

        assertThat(SdpSummary.of(invite("application/sdp", sdp))).isEqualTo(
                "PCMU/8000 PCMA/8000 G729/8000 @ 10.0.0.1:6000 sendonly; video H264/90000 @ 10.0.0.2:6002;"
                        + " image rejected");
    }

    @Test
    void manyCodecsAreCountedAndIpv6Bracketed() {
        String sdp = "v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\n"
                + "m=audio 7000 RTP/AVP 0 8 9 3 4 18\r\n";

        assertThat(SdpSummary.of(invite("application/sdp", sdp)))
                .isEqualTo("PCMU/8000 PCMA/8000 G722/8000 GSM/8000 +2 @ [2001:db8::1]:7000");
    }

    @Test
    void sdpInsideMultipart() {
        String body = "--b1\r\nContent-Type: application/sdp\r\n\r\n"
                + "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8\r\n"
                + "\r\n--b1\r\nContent-Type: application/isup;version=itu-t92+\r\n\r\n\u0001\u0002\r\n--b1--\r\n";

        assertThat(SdpSummary.of(invite("multipart/mixed;boundary=b1", body))).isEqualTo("PCMA/8000 @ 10.0.0.9:4000");
    }

    @Test
    void noSdpGivesNull() {
        assertThat(SdpSummary.of(invite("text/plain", "hello"))).isNull();
        assertThat(SdpSummary.of("garbage".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(SdpSummary.of(new byte[0])).isNull();
    }
}
