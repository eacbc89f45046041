package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner (load time) and the parser (detail view) must tell the same story about every message. */
class SipConsistencyTest {

    static List<byte[]> messages() {
        List<byte[]> all = new ArrayList<>(SipSamples.all());
        for (String extra : new String[] {
                "DBREGISTER sip:1.1.1.1:5060 SIP/2.0\r\nExpires: 3600\r\n\r\n",
                "\r\n\r\nBYE sip:a@b SIP/2.0\nVIA: SIP/2.0/tcp h;BRANCH=z9hG4bKx\ncall-id: lf\n"
                        + "FROM: \"A\" <sips:alice:secret@a.example>;TAG=f1\nto: b <sip:b.example>;tag=t2\ncseq: 5 BYE\n"
                        + "content-length: 3\n\nabc",
                "INVITE sip:a@b SIP/2.0\r\nContent-Length: bad\r\nCSeq: x\r\n\r\nzz",
                "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: q\r\nCSeq: 2 OPTIONS",
                "SIP/2.0 100 Trying\r\nContent-Length: 0   \r\nFrom: sip:x@y;tag=9\r\n\r\n"}) {
            all.add(extra.getBytes(StandardCharsets.ISO_8859_1));
        }
        return all;
    }

    @Test
    void keyFieldsAgree() {
        for (byte[] raw : messages()) {
            Bytes b = Bytes.of(raw);
            SipSummary s = SipScanner.scan(b, 1);
            SipMessage m = SipParser.parse(b);
            String label = new String(raw, 0, Math.min(40, raw.length), StandardCharsets.ISO_8859_1);
            assertThat(s).as(label).isNotNull();
            assertThat(m).as(label).isNotNull();
            assertThat(m.isRequest()).as(label).isEqualTo(s.request());
            assertThat(m.method()).as(label).isEqualTo(s.method());
            if (m instanceof SipResponse r) {
                assertThat(r.statusCode()).isEqualTo(s.statusCode());
                assertThat(r.reasonPhrase()).isEqualTo(s.reasonPhrase());
            } else {
                assertThat(((SipRequest) m).requestUri().raw()).isEqualTo(s.requestUri());
            }
            assertThat(m.callId()).as(label).isEqualTo(s.callId());
            NameAddr from = m.from();
            NameAddr to = m.to();
            assertThat(from == null ? null : from.tag()).as(label).isEqualTo(s.fromTag());
            assertThat(to == null ? null : to.tag()).as(label).isEqualTo(s.toTag());
            assertThat(from == null ? null : from.uri().userOrUri()).as(label).isEqualTo(s.fromUser());
            assertThat(to == null ? null : to.uri().userOrUri()).as(label).isEqualTo(s.toUser());
            assertThat(from == null ? null : from.displayName()).as(label).isEqualTo(s.fromDisplay());
            CSeq c = m.cseq();
            assertThat(c == null ? -1 : c.number()).as(label).isEqualTo(s.cseq());
            Via top = m.topVia();
            assertThat(top == null ? null : top.branch()).as(label).isEqualTo(s.branch());
            assertThat(top == null ? null : top.transport()).as(label).isEqualTo(s.viaTransport());
            assertThat(m.contentType()).as(label).isEqualTo(s.contentType());
            assertThat(m.contentLength()).as(label).isEqualTo(s.contentLength());
            assertThat(m.body().length()).as(label).isEqualTo(s.bodyLength());
            assertThat(m.expires()).as(label).isEqualTo(s.expires());
            assertThat(m.userAgent()).as(label).isEqualTo(s.userAgent());
            assertThat(m.anomalies()).extracting(Anomaly::code).as(label)
                    .containsExactlyInAnyOrderElementsOf(s.anomalies().stream().map(Anomaly::code).toList());
        }
    }
}
