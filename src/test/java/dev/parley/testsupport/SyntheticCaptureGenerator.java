package dev.parley.testsupport;

import dev.parley.capture.file.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes large, deterministic, realistic SIP-over-UDP captures for benchmarks and load tests.
 *
 * <p>Run it from the project folder with the test classpath:
 * <pre>
 *   mvn -q -o test-compile
 *   java -cp target/test-classes:target/classes dev.parley.testsupport.SyntheticCaptureGenerator \
 *        /tmp/big.pcap [frames] [seed]
 * </pre>
 * (with {@code -Dparley.build.dir=DIR} use {@code DIR/test-classes:DIR/classes}). The default, 1,100,000 frames
 * with seed 20240301, gives about 885k SIP messages with 140k distinct Call-IDs over one hour of capture time; it
 * prints the totals (frames, SIP messages, distinct Call-IDs, bytes).
 *
 * <p>The traffic ({@link SyntheticSipTraffic}) is 200 phones behind one proxy: answered calls (INVITE, 100, 180,
 * 200 with SDP, ACK, BYE, 200 on both proxy legs), some first challenged with 407, cancelled calls (CANCEL, 200, 487,
 * ACK), 486 Busy Here, REGISTER with a 401 digest challenge, OPTIONS keep-alives, pager MESSAGEs, a few
 * retransmissions; plus 172-byte RTP packets of answered calls and DNS SRV look-ups, about 20 % of the frames.
 * Scenarios start as a Poisson process and overlap; frames are written in time order. The link type is Ethernet,
 * timestamps have nanosecond resolution.
 */
public final class SyntheticCaptureGenerator {
    public static final int DEFAULT_FRAMES = 1_100_000;
    public static final long DEFAULT_SEED = 20240301L;
    /** 2024-03-01T09:00:00Z, the capture's first scenario. */
    private static final long START_NANOS = 1_709_283_600L * 1_000_000_000L;
    /** New scenarios per second of capture time; 140k scenarios take about an hour. */
    private static final double SCENARIOS_PER_SECOND = 39.0;
    private static final int PHONES = 200;
    private static final int RTP_PER_CALL = 6;

    /** What a run wrote; {@code bytes} is the file size. */
    public record Totals(long frames, long sipMessages, long callIds, long bytes) {
    }

    private SyntheticCaptureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SyntheticCaptureGenerator OUTPUT.pcap [frames, default " + DEFAULT_FRAMES
                    + "] [seed, default " + DEFAULT_SEED + "]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int frames = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : DEFAULT_FRAMES;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        long begin = System.nanoTime();
        Totals totals = generate(out, frames, seed);
        long millis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("wrote " + out + " in " + millis + " ms: " + totals.frames() + " frames, "
                + totals.sipMessages() + " SIP messages, " + totals.callIds() + " distinct Call-IDs, "
                + totals.bytes() + " bytes");
    }

    /** Writes {@code frames} frames to {@code out} (created or replaced). */
    public static Totals generate(Path out, int frames, long seed) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            return generate(os, frames, seed);
        }
    }

    /** Writes a whole pcap file of {@code frames} frames to {@code out}; does not close it. */
    public static Totals generate(OutputStream out, int frames, long seed) throws IOException {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0: " + frames);
        }
        // PcapWriter adds its own buffer unless given a BufferedOutputStream; owning this one lets us flush it.
        BufferedOutputStream buffered = out instanceof BufferedOutputStream b ? b
                : new BufferedOutputStream(out, 1 << 16);
        PcapWriter writer = new PcapWriter(buffered, UdpFrames.LINKTYPE_ETHERNET, 65_535);
        Schedule schedule = new Schedule();
        SplittableRandom rng = new SplittableRandom(seed);
        SyntheticSipTraffic traffic = new SyntheticSipTraffic(rng, schedule, PHONES, RTP_PER_CALL);
        long nextStart = START_NANOS;
        long lastTime = START_NANOS;
        long sip = 0;
        long callIds = 0;
        long bytes = 24;
        long written = 0;
        while (written < frames) {
            Pending head = schedule.queue.peek();
            if (head == null || nextStart <= head.time) {
                traffic.startScenario(nextStart);
                // Exponential gaps: a Poisson arrival process, so bursts and quiet spells both occur.
                double gapSeconds = -Math.log(1.0 - rng.nextDouble()) / SCENARIOS_PER_SECOND;
                nextStart += 1 + (long) (gapSeconds * 1e9);
                continue;
            }
            schedule.queue.poll();
            lastTime = Math.max(lastTime, head.time); // never let a timestamp go backwards
            writer.write(lastTime, head.frame);
            written++;
            bytes += 16 + head.frame.length;
            if (head.dialog != null) {
                sip++;
                if (!head.dialog.written) {
                    head.dialog.written = true;
                    callIds++;
                }
            }
        }
        buffered.flush();
        return new Totals(written, sip, callIds, bytes);
    }

    /** Frames waiting for their time; a priority queue because scenarios overlap. */
    private static final class Schedule implements SyntheticSipTraffic.Sink {
        final PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparingLong((Pending p) -> p.time).thenComparingLong(p -> p.sequence));
        private long sequence;
        private final int[] ipIds = new int[1 << 16];

        @Override
        public void emit(long timeNanos, int srcIp, int srcPort, int dstIp, int dstPort, byte[] payload,
                         SyntheticSipTraffic.Dialog dialog) {
            int host = srcIp & 0xffff; // hosts differ in their two low address bytes
            int id = ipIds[host]++ & 0xffff;
            byte[] frame = UdpFrames.frame(srcIp, srcPort, dstIp, dstPort, id, payload);
            queue.add(new Pending(timeNanos, sequence++, frame, dialog));
        }
    }

    private record Pending(long time, long sequence, byte[] frame, SyntheticSipTraffic.Dialog dialog) {
    }
}
