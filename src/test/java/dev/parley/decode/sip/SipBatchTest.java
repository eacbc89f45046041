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
import java.util.ArrayList;
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

    /** The scanner's own row holds what its summary holds, for the messages the scanner and the parser must agree on. */
    @Test
    void aRowTheScannerWritesTellsWhatItsSummaryTells() {
        List<byte[]> messages = new ArrayList<>(SipConsistencyTest.messages());
        messages.add(("INVITE sip:b@h SIP/2.0\r\nCall-ID: folded\r\n  on-two-lines@h\r\nFrom: <sip:a@h>;tag=x\r\n"
                + "To: B <sip:b@h>\r\nCSeq: 1 INVITE\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKf\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        messages.add(("MESSAGE sip:b@h SIP/2.0\r\nCall-ID: m1\r\nFrom: \"Al \\\"Q\\\"\" <sip:al@h>;tag=\u00ff1\r\n"
                + "To: <sip:b@h>\r\nCSeq: 1 MESSAGE\r\nEvent: presence;id=1\r\nSubscription-State: active\r\n"
                + "Expires: 30\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
                .getBytes(StandardCharsets.ISO_8859_1));
        SipScanner scanner = new SipScanner();
        SipBatch rows = new SipBatch(2); // grows, as a load's batch may
        TextInterner names = new Interning();
        for (byte[] raw : messages) {
            String label = new String(raw, 0, Math.min(40, raw.length), StandardCharsets.ISO_8859_1);
            SipSummary s = SipScanner.scan(Bytes.of(raw), 1);
            int i = rows.size();
            assertThat(scanner.scanRow(raw, 0, raw.length, 1, rows, FLOW, 5, null, -1, false)).as(label).isTrue();
            assertThat(rows.size()).isEqualTo(i + 1);
            assertThat(rows.summary(i)).as(label).isNotSameAs(s);
            for (SipSummary fromRow : List.of(rows.summary(i), s)) { // both hold the same, and so does the row
                assertThat(rows.request(i)).as(label).isEqualTo(fromRow.request());
                assertThat(rows.method(i)).as(label).isEqualTo(fromRow.method());
                assertThat(rows.cseqMethod(i)).as(label).isEqualTo(fromRow.cseqMethod());
                assertThat(rows.status(i)).as(label).isEqualTo(fromRow.statusCode());
                assertThat(rows.reasonPhrase(i)).as(label).isEqualTo(fromRow.reasonPhrase());
                assertThat(rows.cseq(i)).as(label).isEqualTo(fromRow.cseq());
                assertThat(rows.fromUser(i, null)).as(label).isEqualTo(fromRow.fromUser());
                assertThat(rows.toUser(i, names)).as(label).isEqualTo(fromRow.toUser(names));
                assertThat(rows.fromDisplay(i, null)).as(label).isEqualTo(fromRow.fromDisplay());
                assertThat(rows.fromDisplay(i, names)).as(label).isEqualTo(fromRow.fromDisplay(names));
                assertThat(rows.fromTag(i)).as(label).isEqualTo(fromRow.fromTag());
                assertThat(rows.toTag(i)).as(label).isEqualTo(fromRow.toTag());
                assertThat(rows.userAgent(i)).as(label).isEqualTo(fromRow.userAgent());
                assertThat(rows.reason(i)).as(label).isEqualTo(fromRow.reason());
                assertThat(rows.correlationId(i)).as(label).isEqualTo(fromRow.correlationId());
                assertThat(rows.textPreview(i)).as(label).isEqualTo(fromRow.textPreview());
                assertThat(rows.event(i)).as(label).isEqualTo(fromRow.event());
                assertThat(rows.subscriptionState(i)).as(label).isEqualTo(fromRow.subscriptionState());
                assertThat(rows.expires(i)).as(label).isEqualTo(fromRow.expires());
                assertThat(rows.anomalies(i)).as(label).isEqualTo(fromRow.anomalies());
                assertThat(rows.is(i, SipBatch.SDP)).as(label).isEqualTo(fromRow.hasSdp());
                assertThat(rows.is(i, SipBatch.ANOMALIES)).as(label).isEqualTo(!fromRow.anomalies().isEmpty());
                for (int k = SipSummary.CALL_ID; k <= SipSummary.BRANCH; k++) {
                    assertThat(rows.keyLength(i, k)).as(label + " key " + k).isEqualTo(fromRow.keyLength(k));
                }
            }
            SipSummary made = rows.summary(i);
            assertThat(List.of(made.callId() == null ? "-" : made.callId(), made.branch() == null ? "-" : made.branch(),
                    made.viaTransport() == null ? "-" : made.viaTransport(),
                    made.contentType() == null ? "-" : made.contentType(), made.contentLength(), made.bodyLength()))
                    .as(label).isEqualTo(List.of(s.callId() == null ? "-" : s.callId(),
                            s.branch() == null ? "-" : s.branch(), s.viaTransport() == null ? "-" : s.viaTransport(),
                            s.contentType() == null ? "-" : s.contentType(), s.contentLength(), s.bodyLength()));
            assertThat(made.requestUri()).as("not kept in a row").isNull();
        }
        int folded = messages.size() - 2;
        assertThat(key(rows, folded, SipSummary.CALL_ID)).isEqualTo(SipScanner.scan(Bytes.of(messages.get(folded)), 1)
                .callId()).contains("on-two-lines@h");
        assertThat(rows.textPreview(messages.size() - 1)).isEqualTo("hello");
        assertThat(rows.event(messages.size() - 1)).isEqualTo("presence");
    }

    /**
     * A datagram handed up as its frame's bytes (the load's one-step UDP path, {@link SipProtocol#offerDatagramInFrame})
     * makes the row that the same datagram makes as a view and an origin, and the row finds its origin from the file
     * offset alone; bytes that are not SIP make no row either way.
     */
    @Test
    void aDatagramReadInItsFrameMakesTheRowItsViewAndOriginMake() {
        List<byte[]> datagrams = new ArrayList<>(SipConsistencyTest.messages());
        datagrams.add(new byte[] {(byte) 0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}); // RTP
        RowSink inFrame = new RowSink();
        RowSink asObjects = new RowSink();
        SipProtocol a = new SipProtocol(dev.parley.decode.Limits.DEFAULT, inFrame, found -> { }, true);
        SipProtocol b = new SipProtocol(dev.parley.decode.Limits.DEFAULT, asObjects, found -> { }, true);
        for (int k = 0; k < datagrams.size(); k++) {
            byte[] raw = datagrams.get(k);
            byte[] frame = new byte[42 + raw.length + 4]; // headers before, padding after
            System.arraycopy(raw, 0, frame, 42, raw.length);
            long fileOffset = 10_000L * (k + 1);
            boolean tookInFrame = a.offerDatagramInFrame(FLOW, frame, 42, raw.length, k + 1, 7L * k, fileOffset);
            boolean took = b.offerDatagram(FLOW, Bytes.of(raw), Origin.of(k + 1, fileOffset, raw.length), k + 1,
                    7L * k);
            assertThat(tookInFrame).as("datagram " + k).isEqualTo(took);
        }
        SipBatch x = inFrame.batch;
        SipBatch y = asObjects.batch;
        assertThat(x.size()).isEqualTo(y.size()).isEqualTo(datagrams.size() - 1);
        for (int i = 0; i < x.size(); i++) {
            assertThat(x.singleOffset(i)).isEqualTo(y.singleOffset(i)).isEqualTo(10_000L * (i + 1));
            assertThat(x.singleLength(i)).isEqualTo(y.singleLength(i)).isEqualTo(datagrams.get(i).length);
            assertThat(x.origin(i)).isEqualTo(y.origin(i));
            assertThat(x.spreadOrigin(i)).isNull();
            assertThat(x.bytes(i)).isEqualTo(y.bytes(i)).isEqualTo(datagrams.get(i));
            assertThat(List.of(x.frame(i), x.nanos(i), x.cseq(i), x.status(i), String.valueOf(x.method(i)),
                    String.valueOf(x.summary(i).callId()), String.valueOf(x.fromUser(i, null))))
                    .isEqualTo(List.of(y.frame(i), y.nanos(i), y.cseq(i), y.status(i), String.valueOf(y.method(i)),
                            String.valueOf(y.summary(i).callId()), String.valueOf(y.fromUser(i, null))));
        }
    }

    /** The load's kind of listener: the scanner writes rows into its batch. */
    private static final class RowSink implements SipRowListener {
        final SipBatch batch = new SipBatch(4);

        @Override
        public SipBatch rows() {
            return batch;
        }

        @Override
        public void rowAdded() {
        }

        @Override
        public void sip(SipEvent event) {
            throw new AssertionError("a row listener gets rows");
        }
    }

    @Test
    void bytesThatAreNotSipAddNoRow() {
        SipBatch rows = new SipBatch(1);
        byte[] rtp = {(byte) 0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertThat(new SipScanner().scanRow(rtp, 0, rtp.length, 1, rows, FLOW, 0, null, -1, true)).isFalse();
        assertThat(rows.size()).isZero();
    }

    /** Interns by equality, as the correlator's interners do. */
    private static final class Interning implements TextInterner {
        private final java.util.Map<String, String> kept = new java.util.HashMap<>();

        @Override
        public String intern(String s) {
            return s == null ? null : kept.computeIfAbsent(s, k -> k);
        }

        @Override
        public String intern(byte[] a, int off, int len) {
            return intern(new String(a, off, len, StandardCharsets.UTF_8));
        }
    }

    private static String key(SipBatch b, int i, int which) {
        return new String(b.keyBytes(), b.keyAt(i, which), b.keyLength(i, which), StandardCharsets.UTF_8);
    }
}
