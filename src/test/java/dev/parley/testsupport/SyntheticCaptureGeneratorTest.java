package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCaptureGeneratorTest {
    private static final int FRAMES = 2000;

    @Test
    void writesAValidPcapOfEthernetIpv4UdpFrames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.pcap");
        SyntheticCaptureGenerator.Totals totals = SyntheticCaptureGenerator.generate(file, FRAMES, 7L);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(in.getInt()).as("nanosecond pcap magic").isEqualTo(0xa1b23c4d);
        assertThat(in.getShort()).isEqualTo((short) 2);
        assertThat(in.getShort()).isEqualTo((short) 4);
        in.getInt();
        in.getInt();
        assertThat(in.getInt()).as("snaplen").isEqualTo(65_535);
        assertThat(in.getInt()).as("link type").isEqualTo(UdpFrames.LINKTYPE_ETHERNET);

        long records = 0;
        long sip = 0;
        long rtp = 0;
        long lastTime = Long.MIN_VALUE;
        Set<String> callIds = new HashSet<>();
        while (in.hasRemaining()) {
            long seconds = in.getInt() & 0xffffffffL;
            int nanos = in.getInt();
            int captured = in.getInt();
            int original = in.getInt();
            assertThat(nanos).isBetween(0, 999_999_999);
            long time = seconds * 1_000_000_000L + nanos;
            assertThat(time).as("time order at record %d", records).isGreaterThanOrEqualTo(lastTime);
            lastTime = time;
            assertThat(captured).isEqualTo(original).isBetween(UdpFrames.HEADERS, 1514);
            assertThat(in.remaining()).isGreaterThanOrEqualTo(captured);
            byte[] frame = new byte[captured];
            in.get(frame);
            records++;

            String payload = checkHeadersAndGetPayload(frame, records);
            if (payload.startsWith("SIP/2.0 ") || payload.matches("(?s)^[A-Z]+ sip:.*")) {
                sip++;
                callIds.add(header(payload, "Call-ID"));
                checkContentLength(payload);
            } else if ((frame[UdpFrames.HEADERS] & 0xff) == 0x80) {
                rtp++;
                assertThat(frame.length - UdpFrames.HEADERS).as("RTP payload size").isEqualTo(172);
            }
        }

        assertThat(records).isEqualTo(FRAMES).isEqualTo(totals.frames());
        assertThat(totals.bytes()).isEqualTo(bytes.length);
        assertThat(sip).isEqualTo(totals.sipMessages());
        assertThat(callIds).hasSize((int) totals.callIds());
        // The default mix: about 80 % SIP, the rest mostly RTP.
        assertThat((double) sip / records).isBetween(0.72, 0.88);
        assertThat(rtp).isPositive();
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        assertThat(generate(300, 42L)).isEqualTo(generate(300, 42L)).isNotEqualTo(generate(300, 43L));
    }

    @Test
    void containsEveryScenarioOfTheMix() throws IOException {
        // 20k frames span about a minute of capture time, long enough for calls to end with BYE.
        String text = new String(generate(20_000, 1L), StandardCharsets.ISO_8859_1);
        for (String start : new String[] {"INVITE sip:", "ACK sip:", "BYE sip:", "CANCEL sip:", "REGISTER sip:",
                "OPTIONS sip:", "MESSAGE sip:", "SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 200 OK",
                "SIP/2.0 401 Unauthorized", "SIP/2.0 407 Proxy Authentication Required", "SIP/2.0 486 Busy Here",
                "SIP/2.0 487 Request Terminated", "m=audio ", "WWW-Authenticate: Digest", "Authorization: Digest"}) {
            assertThat(text).as(start).contains(start);
        }
    }

    @Test
    void zeroFramesIsJustTheGlobalHeader() throws IOException {
        assertThat(generate(0, 1L)).hasSize(24);
    }

    @Test
    void ipv4ChecksumMatchesTheTextbookExample() {
        // 45 00 00 73 00 00 40 00 40 11 [b8 61] c0 a8 00 01 c0 a8 00 c7, the usual worked example.
        byte[] header = {0x45, 0, 0, 0x73, 0, 0, 0x40, 0, 0x40, 0x11, 0, 0,
            (byte) 0xc0, (byte) 0xa8, 0, 1, (byte) 0xc0, (byte) 0xa8, 0, (byte) 0xc7};
        assertThat(UdpFrames.ipv4Checksum(header, 0, 20)).isEqualTo(0xb861);
        header[10] = (byte) 0xb8;
        header[11] = 0x61;
        assertThat(UdpFrames.ipv4Checksum(header, 0, 20)).isZero();
    }

    private static byte[] generate(int frames, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticCaptureGenerator.generate(out, frames, seed);
        return out.toByteArray();
    }

    /** Checks Ethernet, IPv4 and UDP headers of one frame and returns the UDP payload as Latin-1 text. */
    private static String checkHeadersAndGetPayload(byte[] f, long record) {
        ByteBuffer b = ByteBuffer.wrap(f); // network order
        assertThat(b.getShort(12)).as("EtherType of record %d", record).isEqualTo((short) 0x0800);
        int ip = UdpFrames.ETHERNET_HEADER;
        assertThat(f[ip]).as("IPv4, 20-byte header").isEqualTo((byte) 0x45);
        int totalLength = b.getShort(ip + 2) & 0xffff;
        assertThat(totalLength).as("IPv4 total length").isEqualTo(f.length - UdpFrames.ETHERNET_HEADER);
        assertThat(f[ip + 9]).as("protocol UDP").isEqualTo((byte) 17);
        assertThat(b.getShort(ip + 6) & 0x3fff).as("not fragmented").isZero();
        assertThat(UdpFrames.ipv4Checksum(f, ip, UdpFrames.IPV4_HEADER)).as("header checksum of record %d", record)
                .isZero();
        int udp = ip + UdpFrames.IPV4_HEADER;
        assertThat(b.getShort(udp + 4) & 0xffff).as("UDP length").isEqualTo(totalLength - UdpFrames.IPV4_HEADER);
        assertThat(b.getShort(udp + 6)).as("UDP checksum unused").isZero();
        return new String(f, UdpFrames.HEADERS, f.length - UdpFrames.HEADERS, StandardCharsets.ISO_8859_1);
    }

    private static String header(String message, String name) {
        int at = message.indexOf("\r\n" + name + ": ");
        assertThat(at).as(name + " in\n" + message).isPositive();
        int start = at + name.length() + 4;
        return message.substring(start, message.indexOf("\r\n", start));
    }

    private static void checkContentLength(String message) {
        int end = message.indexOf("\r\n\r\n");
        assertThat(end).as("header block end").isPositive();
        int length = Integer.parseInt(header(message, "Content-Length"));
        assertThat(message.length() - end - 4).as("body length of\n" + message).isEqualTo(length);
        assertThat(message.length()).as("SIP message size").isBetween(300, 1200);
    }
}
