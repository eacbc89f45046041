package dev.parley.capture.file;

import static dev.parley.capture.file.PcapBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} nano={1}")
    @CsvSource({"LITTLE_ENDIAN,false", "LITTLE_ENDIAN,true", "BIG_ENDIAN,false", "BIG_ENDIAN,true"})
    void readsBothByteOrdersAndResolutions(String orderName, boolean nano) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] first = payload(1, 60);
        byte[] second = payload(100, 7);
        byte[] file = new PcapBytes(order, nano, 1, 65535)
                .record(1_700_000_000L, nano ? 123_456_789 : 123_456, first)
                .record(1_700_000_001L, nano ? 999_999_999 : 999_999, 7, 1500, second)
                .bytes();

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "v.pcap", file))) {
            assertThat(source.size()).isEqualTo(file.length);
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(source.position()).isEqualTo(file.length);
            assertThat(source.anomalies()).isEmpty();

            assertThat(frames).hasSize(2);
            Frames.Copy a = frames.get(0);
            assertThat(a.number()).isEqualTo(1);
            assertThat(a.timestampNanos()).isEqualTo(1_700_000_000_123_456_789L - (nano ? 0 : 789));
            assertThat(a.linkType()).isEqualTo(1);
            assertThat(a.data()).isEqualTo(first);
            assertThat(a.originalLength()).isEqualTo(60);
            assertThat(a.fileOffset()).isEqualTo(24 + 16);

            Frames.Copy b = frames.get(1);
            assertThat(b.number()).isEqualTo(2);
            assertThat(b.timestampNanos()).isEqualTo(1_700_000_001_999_999_999L - (nano ? 0 : 999));
            assertThat(b.data()).isEqualTo(second);
            assertThat(b.originalLength()).isEqualTo(1500);
            assertThat(b.fileOffset()).isEqualTo(24 + 16 + 60 + 16);
        }
    }

    @Test
    void frameKnowsItWasCutBySnaplen() throws Exception {
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 64).record(1, 0, 64, 1514, payload(0, 64)).bytes();
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "cut.pcap", file))) {
            Frame frame = source.next();
            assertThat(frame.truncated()).isTrue();
            assertThat(frame.originalLength()).isEqualTo(1514);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void masksFcsBitsOffTheLinkType() throws Exception {
        int field = 1 | (1 << 28) | (2 << 26); // F bit + FCS length 2 words, Ethernet
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, field, 65535).record(1, 0, payload(0, 20)).bytes();
        assertThat(Frames.readAll(Frames.write(dir, "fcs.pcap", file))).singleElement()
                .satisfies(f -> assertThat(f.linkType()).isEqualTo(1));
    }

    @Test
    void keepsFramesBeforeATruncatedLastRecord() throws Exception {
        PcapBytes pcap = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535)
                .record(1, 0, payload(0, 40)).record(2, 0, payload(1, 40)).record(3, 0, 100, 100, payload(2, 30));
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "short.pcap", pcap.bytes()))) {
            assertThat(Frames.readAll(source)).extracting(Frames.Copy::number).containsExactly(1L, 2L);
            assertThat(source.anomalies()).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("capture.record.truncated");
                assertThat(a.frame()).isEqualTo(3);
                assertThat(a.severity()).isEqualTo(Anomaly.Severity.ERROR);
            });
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void reportsARecordHeaderCutShort() throws Exception {
        byte[] file = new PcapBytes(ByteOrder.BIG_ENDIAN, false, 1, 65535).record(1, 0, payload(0, 40))
                .raw(new byte[5]).bytes();
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "tail.pcap", file))) {
            assertThat(Frames.readAll(source)).hasSize(1);
            assertThat(source.anomalies()).extracting(Anomaly::code, Anomaly::frame)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("capture.record.truncated", 2L));
        }
    }

    @Test
    void stopsAtAnImpossibleLength() throws Exception {
        // 0x20000020 is 512 MiB in either byte order: no reading of this header is plausible.
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535).record(1, 0, payload(0, 40))
                .record(2, 0, 0x20000020, 0x20000020, payload(0, 64)).bytes();
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "bad.pcap", file))) {
            assertThat(Frames.readAll(source)).hasSize(1);
            assertThat(source.anomalies()).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("capture.record.invalid");
                assertThat(a.frame()).isEqualTo(2);
            });
        }
    }

    @Test
    void growsTheBufferForARecordLargerThanIt() throws Exception {
        byte[] big = payload(7, 5000);
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, true, 1, 65535).record(1, 0, payload(0, 10))
                .record(2, 0, big).record(3, 0, payload(3, 30)).bytes();
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "large.pcap", file), 64)) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(frames).extracting(f -> f.data().length).containsExactly(10, 5000, 30);
            assertThat(frames.get(1).data()).isEqualTo(big);
            assertThat(frames.get(2).fileOffset()).isEqualTo(24 + 16 + 10 + 16 + 5000 + 16);
            assertThat(source.anomalies()).isEmpty();
        }
    }

    @Test
    void readsManyRecordsAcrossBufferRefills() throws Exception {
        PcapBytes pcap = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535);
        for (int i = 0; i < 1000; i++) {
            pcap.record(1000 + i, i, payload(i, i % 97));
        }
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "many.pcap", pcap.bytes()), 256)) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(frames).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(frames.get(i).data()).isEqualTo(payload(i, i % 97));
                assertThat(frames.get(i).timestampNanos()).isEqualTo((1000L + i) * 1_000_000_000L + i * 1000L);
            }
            assertThat(source.anomalies()).isEmpty();
        }
    }

    @Test
    void recoversRecordHeadersInTheOtherByteOrderWithOvershootingLengths() throws Exception {
        // The pkts library's mistake: big-endian file header, little-endian records, incl_len 14 bytes too large.
        byte[][] data = {payload(0x45, 533), payload(0x46, 384), payload(0x47, 533)};
        PcapBytes pcap = new PcapBytes(ByteOrder.BIG_ENDIAN, false, 0, 65535).recordOrder(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i++) {
            pcap.record(1_340_495_109L + i, 792_454 + i, data[i].length + 14, data[i].length + 14, data[i]);
        }
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "pkts.pcap", pcap.bytes()))) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(frames).hasSize(3);
            for (int i = 0; i < data.length; i++) {
                assertThat(frames.get(i).data()).isEqualTo(data[i]);
                assertThat(frames.get(i).originalLength()).isEqualTo(data[i].length);
                assertThat(frames.get(i).timestampNanos()).isEqualTo((1_340_495_109L + i) * 1_000_000_000L
                        + (792_454L + i) * 1000);
            }
            assertThat(source.anomalies()).extracting(Anomaly::code).containsExactly("capture.record.byte_order",
                    "capture.record.length_mismatch", "capture.record.length_mismatch",
                    "capture.record.length_mismatch");
        }
    }

    @Test
    void readsAnOddButConsistentFileAsWritten() throws Exception {
        // original length 0 is wrong but harmless: no shorter plausible header exists, so nothing is cut.
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535).record(5, 0, payload(0, 50))
                .record(6, 0, 50, 0, payload(9, 50)).record(7, 0, payload(3, 50)).bytes();
        List<Frames.Copy> frames = Frames.readAll(Frames.write(dir, "odd.pcap", file));
        assertThat(frames).extracting(f -> f.data().length).containsExactly(50, 50, 50);
    }

    @Test
    void headerCutShortIsNotACapture() throws Exception {
        byte[] file = new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CaptureFiles.open(Frames.write(dir, "h.pcap", file)))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage("h.pcap: pcap file header is cut short (8 of 24 bytes)");
    }
}
