package dev.parley.decode.link;

import static dev.parley.decode.link.TestPackets.PROTO_TCP;
import static dev.parley.decode.link.TestPackets.PROTO_UDP;
import static dev.parley.decode.link.TestPackets.ascii;
import static dev.parley.decode.link.TestPackets.bytes;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv4;
import static dev.parley.decode.link.TestPackets.tcp;
import static dev.parley.decode.link.TestPackets.u16;
import static dev.parley.decode.link.TestPackets.udp;
import static dev.parley.decode.link.TestPackets.vlanTag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.FrameView;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-step path for plain Ethernet/IPv4/UDP frames ({@code FrameDecoder.plainUdp}) hands up exactly what the
 * layers do, one by one, for every frame: the same datagrams (flow, bytes, origin, frame), streams and anomalies.
 */
class OneStepUdpTest {
    private static final byte[] SIP = ascii("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n");
    private static final int ETHERNET = 1;

    /** Frames at and around the edges of what the one-step path takes. */
    private static List<byte[]> edgeFrames() {
        byte[] plain = ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(5060, 5062, SIP)));
        List<byte[]> frames = new ArrayList<>();
        frames.add(plain);
        frames.add(concat(plain, new byte[18])); // Ethernet padding after the IP packet
        frames.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 0x1234, 0x4000, udp(1, 2, SIP)))); // DF
        frames.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(5060, 5060, new byte[0]))));
        frames.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 7, 0x2000, udp(5060, 5060, SIP)))); // MF
        frames.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 7, 0x0003, SIP))); // a later fragment
        frames.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_TCP, tcp(5060, 5060, 1, 0x18, SIP))));
        frames.add(ethernet(0x8100, concat(vlanTag(0x0800), ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP,
                udp(5060, 5060, SIP)))));
        frames.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(2152, 2152, SIP)))); // GTP-U port
        frames.add(Arrays.copyOf(plain, 41)); // shorter than the three headers
        frames.add(Arrays.copyOf(plain, plain.length - 5)); // IP total length past what was captured
        byte[] options = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, concat(bytes(1, 1, 1, 0), udp(5060, 5060, SIP)));
        options[0] = 0x46; // IHL 6: four bytes of options (NOPs and an end)
        frames.add(ethernet(0x0800, options));
        frames.add(withU16(plain, 38, 7)); // UDP length under its header
        frames.add(withU16(plain, 38, plain.length - 34 + 1)); // UDP length past the IP payload
        frames.add(withU16(plain, 38, 8 + 10)); // UDP length shorter than the IP payload: cut there
        frames.add(withU16(plain, 16, 27)); // IP total length under IP and UDP headers
        frames.add(withU16(plain, 16, 10)); // ... and under the IP header (offload)
        byte[] v6 = plain.clone();
        v6[14] = 0x65; // version 6 in an IPv4 EtherType
        frames.add(v6);
        return frames;
    }

    private static byte[] withU16(byte[] frame, int at, int value) {
        byte[] b = frame.clone();
        System.arraycopy(u16(value), 0, b, at, 2);
        return b;
    }

    @Test
    void handsUpWhatTheLayersDoAtTheEdges() {
        TestPackets oneStep = new TestPackets();
        TestPackets layers = new TestPackets();
        RecordingListener fast = new RecordingListener();
        RecordingListener slow = new RecordingListener();
        FrameDecoder withOneStep = new FrameDecoder(Limits.DEFAULT, fast, fast, true);
        FrameDecoder layerByLayer = new FrameDecoder(Limits.DEFAULT, slow, slow, false);
        for (byte[] data : edgeFrames()) {
            withOneStep.decode(oneStep.frame(ETHERNET, data));
            layerByLayer.decode(layers.frame(ETHERNET, data));
        }
        withOneStep.finish();
        layerByLayer.finish();

        assertSame(fast, slow);
        assertThat(withOneStep.oneStepFrames).as("plain, padded, DF, empty, cut by its UDP length").isEqualTo(5);
        assertThat(fast.datagrams).hasSizeGreaterThan(5);
        assertThat(fast.anomalies).isNotEmpty();
        for (RecordingListener.Datagram d : fast.datagrams) {
            assertThat(oneStep.read(d.origin())).as("origin of frame " + d.frame()).isEqualTo(d.payload());
        }
    }

    @Test
    void handsUpWhatTheLayersDoOnTheCorpus() throws IOException {
        String configured = System.getProperty("parley.corpus");
        Path dir = Path.of(configured == null || configured.isBlank() ? "/work/shared/corpus" : configured);
        assumeThat(Files.isDirectory(dir)).as("corpus not found at " + dir).isTrue();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        long taken = 0;
        for (Path file : files) {
            RecordingListener fast = new RecordingListener();
            RecordingListener slow = new RecordingListener();
            FrameDecoder withOneStep = new FrameDecoder(Limits.DEFAULT, fast, fast, true);
            try {
                decodeAll(file, withOneStep, true);
                decodeAll(file, new FrameDecoder(Limits.DEFAULT, slow, slow, false), false);
            } catch (IOException e) {
                continue; // unreadable containers are the capture reader's business
            }
            assertSame(fast, slow);
            taken += withOneStep.oneStepFrames;
        }
        assertThat(taken).as("frames the corpus sends the one-step way").isGreaterThan(1000);
    }

    /** Decodes every frame of {@code file}: read into one view, as the load does, or frame by frame. */
    private static void decodeAll(Path file, FrameDecoder decoder, boolean views) throws IOException {
        try (FrameSource source = CaptureFiles.open(file)) {
            if (views) {
                FrameView v = new FrameView();
                while (source.next(v)) {
                    decoder.decode(v);
                }
            } else {
                for (Frame f = source.next(); f != null; f = source.next()) {
                    decoder.decode(f);
                }
            }
            decoder.finish();
        }
    }

    private static void assertSame(RecordingListener fast, RecordingListener slow) {
        assertThat(fast.datagrams).hasSameSizeAs(slow.datagrams);
        for (int i = 0; i < fast.datagrams.size(); i++) {
            RecordingListener.Datagram a = fast.datagrams.get(i);
            RecordingListener.Datagram b = slow.datagrams.get(i);
            assertThat(a.flow()).as("datagram " + i).isEqualTo(b.flow());
            assertThat(a.payload()).as("datagram " + i).isEqualTo(b.payload());
            assertThat(a.origin()).as("datagram " + i).isEqualTo(b.origin());
            assertThat(a.frame()).as("datagram " + i).isEqualTo(b.frame());
        }
        assertThat(fast.events).isEqualTo(slow.events);
        assertThat(fast.anomalies).map(a -> a.frame() + " " + a.code() + " " + a.message())
                .isEqualTo(slow.anomalies.stream().map(a -> a.frame() + " " + a.code() + " " + a.message()).toList());
    }
}
