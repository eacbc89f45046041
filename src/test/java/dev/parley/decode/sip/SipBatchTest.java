package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipBatchTest {
    private static final Flow FLOW = new Flow(Transport.UDP, new Endpoint(IpAddress.parse("10.0.0.1"), 5060),
            new Endpoint(IpAddress.parse("10.0.0.2"), 5060));

    private static SipSummary scanned(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        return SipScanner.scan(Bytes.of(b), 1);
    }

    private static String invite(String callId) {
        return "INVITE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK77\r\n"
                + "From: \"Alice\" <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 7 INVITE\r\n"
                + "User-Agent: phone/1\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void keepsWhatTheCorrelatorReadsOfEachMessage() {
        SipSummary s = scanned(invite("abc@host"));
        Origin origin = Origin.of(3, 1000, 400);
        SipBatch batch = new SipBatch(4);

        batch.add(s, FLOW, 3, 99L, origin, null);

        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.frame(0)).isEqualTo(3);
        assertThat(batch.nanos(0)).isEqualTo(99L);
        assertThat(batch.request(0)).isTrue();
        assertThat(batch.method(0)).isEqualTo("INVITE");
        assertThat(batch.cseq(0)).isEqualTo(7);
        assertThat(batch.cseqMethod(0)).isEqualTo("INVITE");
        assertThat(batch.status(0)).isEqualTo(-1);
        assertThat(batch.is(0, SipBatch.SDP)).isTrue();
        assertThat(batch.is(0, SipBatch.USER_AGENT)).isTrue();
        assertThat(batch.is(0, SipBatch.REASON)).isFalse();
        assertThat(batch.is(0, SipBatch.ANOMALIES)).isFalse();
        assertThat(batch.flow(0)).isSameAs(FLOW);
        assertThat(batch.summary(0)).isSameAs(s);
        assertThat(batch.singleOffset(0)).isEqualTo(1000);
        assertThat(batch.singleLength(0)).isEqualTo(400);
        for (int k = SipSummary.CALL_ID; k <= SipSummary.BRANCH; k++) {
            assertThat(batch.keyLength(0, k)).as("key " + k).isEqualTo(s.keyLength(k));
        }
        assertThat(key(batch, 0, SipSummary.CALL_ID)).isEqualTo("abc@host");
        assertThat(key(batch, 0, SipSummary.FROM_TAG)).isEqualTo("a1");
        assertThat(batch.keyLength(0, SipSummary.TO_TAG)).isEqualTo(-1);
        assertThat(key(batch, 0, SipSummary.BRANCH)).isEqualTo("z9hG4bK77");
    }

    @Test
    void growsPastItsCapacityAndKeepsEveryMessagesKeys() {
        SipBatch batch = new SipBatch(2);
        String longId = "x".repeat(5000) + "@host"; // more key bytes than the batch started with
        for (int i = 0; i < 9; i++) {
            batch.add(new SipEvent(scanned(invite(i == 4 ? longId : "call-" + i)), FLOW, i, i, null, null));
        }

        assertThat(batch.size()).isEqualTo(9);
        for (int i = 0; i < 9; i++) {
            assertThat(key(batch, i, SipSummary.CALL_ID)).isEqualTo(i == 4 ? longId : "call-" + i);
            assertThat(batch.frame(i)).isEqualTo(i);
            assertThat(batch.singleOffset(i)).as("no origin").isEqualTo(-1);
        }
    }

    @Test
    void aMessageInManyRunsOrAnotherFrameHasNoSingleRun() {
        SipSummary s = scanned(invite("c"));
        Origin twoRuns = new Origin.Builder().add(1, 0, 10).add(2, 100, 10).build();
        SipBatch batch = new SipBatch(2);

        batch.add(s, FLOW, 2, 0, twoRuns, null);
        batch.add(s, FLOW, 5, 0, Origin.of(4, 0, 10), null);

        assertThat(batch.singleOffset(0)).isEqualTo(-1);
        assertThat(batch.origin(0)).isSameAs(twoRuns);
        assertThat(batch.singleOffset(1)).isEqualTo(-1);
    }

    @Test
    void clearEmptiesItForTheNextMessages() {
        SipBatch batch = new SipBatch(2);
        batch.add(scanned(invite("first")), FLOW, 1, 1, null, "kept".getBytes(StandardCharsets.UTF_8));
        batch.clear();

        assertThat(batch.size()).isZero();
        SipSummary second = scanned(invite("second"));
        batch.add(second, FLOW, 2, 2, null, null);
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.summary(0)).isSameAs(second);
        assertThat(batch.bytes(0)).isNull();
        assertThat(key(batch, 0, SipSummary.CALL_ID)).isEqualTo("second");
    }

    @Test
    void flagsAnomaliesAndHeadersThatOnlySomeMessagesHave() {
        SipSummary s = scanned("SIP/2.0 487 Request Terminated\r\nReason: SIP;cause=487\r\nX-Call-ID: other\r\n\r\n");
        SipBatch batch = new SipBatch(1);
        batch.add(s, FLOW, 1, 1, null, null);

        assertThat(batch.request(0)).isFalse();
        assertThat(batch.status(0)).isEqualTo(487);
        assertThat(batch.reasonPhrase(0)).isEqualTo("Request Terminated");
        assertThat(batch.is(0, SipBatch.REASON)).isTrue();
        assertThat(batch.is(0, SipBatch.CORRELATION)).isTrue();
        assertThat(batch.is(0, SipBatch.ANOMALIES)).isTrue(); // no Call-ID, From, To, CSeq, Via
        assertThat(batch.keyLength(0, SipSummary.CALL_ID)).isEqualTo(-1);
        List<Anomaly> found = batch.summary(0).anomalies();
        assertThat(found).extracting(Anomaly::code).contains("sip.header.missing");
    }

    private static String key(SipBatch b, int i, int which) {
        return new String(b.keyBytes(), b.keyAt(i, which), b.keyLength(i, which), StandardCharsets.UTF_8);
    }
}
