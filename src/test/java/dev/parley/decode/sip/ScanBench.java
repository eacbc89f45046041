package dev.parley.decode.sip;

import dev.parley.decode.Bytes;
import java.io.DataInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual throughput harness for {@link SipScanner} (a main(), not a unit test): reads the UDP payloads of the first
 * N frames of a classic little-endian Ethernet pcap (SIP at offset 42), then times a reused scanner's scanMessage(),
 * looksLikeSip() and, for the gap to the lean shape, {@link AllFields#scan} over all of them for several rounds and
 * prints the best rate of each, and the first (cold) round of the scan: with all 1.1 M frames of the synthetic
 * capture that round is the scan's share of a cold load.
 *
 * <pre>java -cp target/classes:target/test-classes dev.parley.decode.sip.ScanBench /tmp/synthetic.pcap 100000 30</pre>
 */
public final class ScanBench {
    /** Thread CPU time rather than wall time: the machine is shared, time slices lost to others don't count. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ScanBench() {
    }

    public static void main(String[] args) throws IOException {
        String path = args.length > 0 ? args[0] : "/tmp/synthetic.pcap";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<Bytes> messages = read(path, count);
        System.out.println(messages.size() + " messages");
        long sink = 0;
        double[] best = new double[3];
        String[] names = {"scan        ", "looksLikeSip", "allfields   "};
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 3; k++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                sink += run(k, messages);
                long cpu = CPU.getCurrentThreadCpuTime() - t0;
                if (r == 0 && k == 0) {
                    // the cold round, as a load sees it: wall beyond CPU is the core lost to the JIT and the GC
                    System.out.printf("COLD %s %.3f s thread CPU, %.3f s wall%n", names[k], cpu / 1e9,
                            (System.nanoTime() - w0) / 1e9);
                }
                best[k] = Math.max(best[k], messages.size() / (cpu / 1e9));
            }
        }
        for (int k = 0; k < 3; k++) {
            System.out.printf("BEST %s %,12.0f msg/s%n", names[k], best[k]);
        }
        System.out.println("(sink " + sink + ")");
    }

    /** One scanner for all rounds, reused from message to message as a load's is (its value cache included). */
    private static final SipScanner SCANNER = new SipScanner();

    /** The lean scan's batch, emptied whenever full (the frames' arrays start at the Ethernet header, as it expects). */
    private static final LoadFloor.Batch BATCH = new LoadFloor.Batch();

    private static long run(int k, List<Bytes> messages) {
        if (k == 2) {
            return runAllFields(messages);
        }
        long h = 0;
        for (int i = 0; i < messages.size(); i++) {
            Bytes m = messages.get(i);
            h += k == 0 ? hash(SCANNER.scanMessage(m, i)) : SipScanner.looksLikeSip(m) ? 1 : 0;
        }
        return h;
    }

    private static long runAllFields(List<Bytes> messages) {
        long h = 0;
        for (int i = 0; i < messages.size(); i++) {
            byte[] frame = messages.get(i).array();
            if (BATCH.rows == LoadFloor.Batch.ROWS) {
                BATCH.rows = 0;
                BATCH.used = 0;
            }
            if (AllFields.scan(frame, frame.length, BATCH, i, 0)) {
                h += BATCH.cseq[BATCH.rows - 1];
            }
        }
        return h;
    }

    private static long hash(SipSummary s) {
        return s == null ? 0 : s.cseq() + s.anomalies().size() + s.keyLength(SipSummary.CALL_ID);
    }

    /** UDP payloads (Ethernet + IPv4 without options + UDP) of the first {@code count} frames. */
    public static List<Bytes> read(String path, int count) throws IOException {
        List<Bytes> out = new ArrayList<>(count);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(path), 1 << 20))) {
            in.readFully(new byte[24]);
            byte[] rec = new byte[16];
            while (out.size() < count) {
                try {
                    in.readFully(rec);
                } catch (EOFException e) {
                    break;
                }
                int incl = (rec[8] & 0xff) | (rec[9] & 0xff) << 8 | (rec[10] & 0xff) << 16 | (rec[11] & 0xff) << 24;
                byte[] data = new byte[incl];
                in.readFully(data);
                if (incl > 42 && data[12] == 0x08 && data[13] == 0x00 && data[14] == 0x45 && data[23] == 17) {
                    out.add(Bytes.of(data).slice(42, incl - 42));
                }
            }
        }
        return out;
    }
}
