package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import dev.parley.testsupport.SyntheticCaptureGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AllFields reads what Parley's scanner reads, or its time prices other work than the scanner's. */
class AllFieldsTest {
    private static final int UDP_PAYLOAD = 42;

    @Test
    void readsTheScannersFieldsOnTheSyntheticCapture(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synthetic.pcap");
        SyntheticCaptureGenerator.generate(file, 5_000, 3L);
        List<Bytes> payloads = ScanBench.read(file.toString(), 100_000);
        SipScanner scanner = new SipScanner();
        int checked = 0;
        int previews = 0;
        for (Bytes payload : payloads) {
            SipSummary s = scanner.scanMessage(payload, checked);
            byte[] frame = new byte[UDP_PAYLOAD + payload.length()];
            frame[12] = 8;
            frame[14] = 0x45;
            frame[23] = 17;
            System.arraycopy(payload.array(), payload.offset(), frame, UDP_PAYLOAD, payload.length());
            LoadFloor.Batch batch = new LoadFloor.Batch();
            boolean sip = AllFields.scan(frame, frame.length, batch, 0, 0);
            assertThat(sip).as("SIP or not").isEqualTo(s != null);
            if (s == null) {
                continue;
            }
            String at = "message " + checked + ": " + s.label();
            assertThat(key(batch, 0)).as(at).isEqualTo(s.callId());
            assertThat(key(batch, 1)).as(at).isEqualTo(s.fromTag());
            assertThat(key(batch, 2)).as(at).isEqualTo(s.toTag());
            assertThat(key(batch, 3)).as(at).isEqualTo(s.branch());
            assertThat(batch.kind[0]).as(at).isEqualTo(s.request() ? -methodIdOf(s.method()) : s.statusCode());
            assertThat(batch.cseq[0]).as(at).isEqualTo((int) s.cseq());
            assertThat(more(batch, AllFields.URI)).as(at).isEqualTo(s.requestUri());
            assertThat(more(batch, AllFields.PHRASE)).as(at).isEqualTo(s.request() ? null : s.reasonPhrase());
            assertThat(more(batch, AllFields.FROM_USER)).as(at).isEqualTo(s.fromUser());
            assertThat(more(batch, AllFields.TO_USER)).as(at).isEqualTo(s.toUser());
            assertThat(more(batch, AllFields.DISPLAY)).as(at).isEqualTo(s.fromDisplay());
            assertThat(more(batch, AllFields.TRANSPORT)).as(at).isEqualTo(s.viaTransport());
            assertThat(more(batch, AllFields.REASON)).as(at).isEqualTo(s.reason());
            assertThat(more(batch, AllFields.XCID)).as(at).isEqualTo(s.correlationId());
            assertThat(more(batch, AllFields.UA)).as(at).isEqualTo(s.userAgent());
            assertThat(more(batch, AllFields.EVENT)).as(at).isEqualTo(s.event());
            assertThat(more(batch, AllFields.SUBSTATE)).as(at).isEqualTo(s.subscriptionState());
            int[] numbers = batch.numbers;
            assertThat(numbers[AllFields.LENGTH]).as(at).isEqualTo(s.contentLength());
            assertThat(numbers[AllFields.EXPIRES]).as(at).isEqualTo(s.expires());
            int media = numbers[AllFields.MEDIA_TYPE];
            assertThat(media < 0 || media == AllFields.MEDIA.length ? null : AllFields.MEDIA[media])
                    .as(at).isEqualTo(s.contentType());
            String preview = more(batch, AllFields.PREVIEW);
            assertThat(preview == null ? null : preview.strip()).as(at).isEqualTo(s.textPreview());
            previews += preview == null ? 0 : 1;
            checked++;
        }
        assertThat(checked).isGreaterThan(3_000);
        assertThat(previews).isPositive();
    }

    private static int methodIdOf(String method) {
        byte[] m = method.getBytes(StandardCharsets.US_ASCII);
        return LoadFloor.method(m, 0, m.length);
    }

    private static String key(LoadFloor.Batch b, int which) {
        int length = b.keys[which * 2 + 1];
        return length < 0 ? null : new String(b.bytes, b.keys[which * 2], length, StandardCharsets.UTF_8);
    }

    private static String more(LoadFloor.Batch b, int which) {
        int length = b.more[which * 2 + 1];
        return length < 0 ? null : new String(b.bytes, b.more[which * 2], length, StandardCharsets.UTF_8);
    }
}
