package dev.parley.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.Samples;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packets of sessions written to pcap/pcapng and read back by Parley. */
class PacketExporterTest {
    @TempDir
    Path dir;

    private PacketExporter.Result export(Path capture, List<SipSession> sessions, PacketExporter.Container c,
                                         boolean rtp, Path out) throws Exception {
        try (OutputStream os = Files.newOutputStream(out)) {
            return PacketExporter.export(capture, sessions, c, rtp, Samples.KEPT_BYTES, os);
        }
    }

    private static List<String> labels(SipSession s) {
        return s.messages().stream().map(SipMessageRef::label).toList();
    }

    @Test
    void oneUdpCallReadsBackAsTheSameCall() throws Exception {
        Path capture = Path.of("samples", "sip-call-udp.pcap");
        List<SipSession> all = Samples.sessions(capture);
        SipSession second = all.get(1);
        for (PacketExporter.Container c : PacketExporter.Container.values()) {
            Path out = dir.resolve("call." + c.name().toLowerCase());
            PacketExporter.Result r = export(capture, List.of(second), c, false, out);

            assertThat(r.frames()).isEqualTo(7);
            List<SipSession> back = Samples.sessions(out);
            assertThat(back).hasSize(1);
            assertThat(back.get(0).callId()).isEqualTo(second.callId());
            assertThat(labels(back.get(0))).isEqualTo(labels(second));
            assertThat(back.get(0).messages().get(3).timestampNanos())
                    .isEqualTo(second.messages().get(3).timestampNanos());
            assertThat(back.get(0).call().setupTimeNanos()).isEqualTo(second.call().setupTimeNanos());
        }
    }

    @Test
    void tcpCallKeepsEverySegmentOfItsMessagesInCaptureOrder() throws Exception {
        Path capture = Path.of("samples", "sip-call-tcp.pcap");
        List<SipSession> sessions = Samples.sessions(capture);
        SipSession first = sessions.get(0);
        long[] expected = first.messages().stream().flatMapToLong(m -> Arrays.stream(m.origin().frames()))
                .distinct().sorted().toArray();
        Path out = dir.resolve("tcp.pcapng");
        PacketExporter.Result r = export(capture, List.of(first), PacketExporter.Container.PCAPNG, false, out);

        assertThat(r.frames()).isEqualTo(expected.length);
        List<SipSession> back = Samples.sessions(out);
        assertThat(back).hasSize(1);
        assertThat(labels(back.get(0))).isEqualTo(labels(first));
        // In the new file the frames are numbered 1..n in the original order.
        long[] renumbered = back.get(0).messages().stream().flatMapToLong(m -> Arrays.stream(m.origin().frames()))
                .distinct().sorted().toArray();
        assertThat(renumbered).hasSize(expected.length);
    }

    @Test
    void rtpOfTheNegotiatedMediaIsAddedDuringTheCallOnly() throws Exception {
        Path capture = dir.resolve("hand.pcap");
        int messages = HandMadeCall.write(capture, 2);
        List<SipSession> sessions = Samples.sessions(capture);
        Path without = dir.resolve("sip.pcap");
        Path with = dir.resolve("rtp.pcap");

        PacketExporter.Result sip = export(capture, sessions, PacketExporter.Container.PCAP, false, without);
        PacketExporter.Result rtp = export(capture, sessions, PacketExporter.Container.PCAP, true, with);

        assertThat(sip.frames()).isEqualTo(messages);
        assertThat(rtp.signallingFrames()).isEqualTo(messages);
        assertThat(rtp.mediaFrames()).isEqualTo(HandMadeCall.MEDIA_FRAMES);
        assertThat(rtp.frames()).isEqualTo(messages + HandMadeCall.MEDIA_FRAMES);
        List<SipSession> back = Samples.sessions(with);
        assertThat(back).hasSize(1);
        assertThat(back.get(0).messages()).hasSize(messages);
        assertThat(Files.size(with)).isGreaterThan(Files.size(without));
    }
}
