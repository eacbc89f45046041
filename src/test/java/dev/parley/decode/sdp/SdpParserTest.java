package dev.parley.decode.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    private static final String AUDIO_VIDEO = """
            v=0
            o=alice 2890844526 2890844527 IN IP4 pc33.atlanta.com
            s=Call
            c=IN IP4 192.0.2.101
            b=AS:2048
            t=0 0
            a=recvonly
            m=audio 49172 RTP/AVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            m=video 51372/2 RTP/AVP 99
            c=IN IP4 192.0.2.102
            b=AS:512
            a=rtpmap:99 H264/90000
            a=fmtp:99 profile-level-id=42e01f;packetization-mode=1
            a=sendrecv
            m=audio 0 RTP/AVP 0
            a=inactive
            """.replace("\n", "\r\n");

    @Test
    void sessionAndMediaSections() {
        SessionDescription s = SdpParser.parse(Bytes.ascii(AUDIO_VIDEO));
        assertThat(s.version()).isZero();
        assertThat(s.origin().username()).isEqualTo("alice");
        assertThat(s.origin().sessionVersion()).isEqualTo("2890844527");
        assertThat(s.origin().address()).isEqualTo("pc33.atlanta.com");
        assertThat(s.sessionName()).isEqualTo("Call");
        assertThat(s.connection().address()).isEqualTo("192.0.2.101");
        assertThat(s.bandwidths()).containsExactly("AS:2048");
        assertThat(s.times()).containsExactly("0 0");
        assertThat(s.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(s.problems()).isEmpty();
        assertThat(s.media()).hasSize(3);

        MediaDescription audio = s.media().get(0);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(49172);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0", "8", "101");
        assertThat(audio.rtpMap("8")).isEqualTo(new RtpMap("8", "PCMA", 8000, -1));
        assertThat(audio.fmtp()).containsEntry("101", "0-15");
        assertThat(audio.attribute("ptime")).isEqualTo("20");
        assertThat(audio.connection().address()).isEqualTo("192.0.2.101"); // inherited
        assertThat(audio.direction()).isEqualTo(Direction.RECVONLY);     // inherited

        MediaDescription video = s.media().get(1);
        assertThat(video.port()).isEqualTo(51372);
        assertThat(video.portCount()).isEqualTo(2);
        assertThat(video.connection().address()).isEqualTo("192.0.2.102");
        assertThat(video.bandwidths()).containsExactly("AS:512");
        assertThat(video.rtpMap("99").encoding()).isEqualTo("H264");
        assertThat(video.rtpMap("99").clockRate()).isEqualTo(90000);
        assertThat(video.fmtp().get("99")).isEqualTo("profile-level-id=42e01f;packetization-mode=1");
        assertThat(video.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(AUDIO_VIDEO.substring(video.offset())).startsWith("m=video");
        assertThat(AUDIO_VIDEO.substring(video.offset(), video.offset() + video.length())).endsWith("a=sendrecv\r\n");

        assertThat(s.media().get(2).direction()).isEqualTo(Direction.INACTIVE);
        assertThat(s.lines().get(0)).isEqualTo(new SdpLine('v', "0", 0, 3));
    }

    @Test
    void lenientOnGarbage() {
        SessionDescription s = SdpParser.parse(Bytes.ascii("garbage\nm=audio x\na=rtpmap:\nm=\n"));
        assertThat(s.version()).isEqualTo(-1);
        assertThat(s.problems()).isNotEmpty();
        assertThat(s.media()).hasSize(2);
        assertThat(s.media().get(0).port()).isEqualTo(-1);
        assertThat(SdpParser.parse(Bytes.EMPTY).media()).isEmpty();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] b = AUDIO_VIDEO.getBytes();
            for (int k = 0; k < 5; k++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            SdpParser.parse(Bytes.of(b));
        }
    }
}
