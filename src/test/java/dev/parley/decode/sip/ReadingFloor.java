package dev.parley.decode.sip;

import dev.parley.testsupport.SyntheticCaptureGenerator;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A floor for the reading thread, not Parley's reader: the least work that still touches what a SIP load must touch.
 * It walks a classic little-endian pcap of Ethernet/IPv4/UDP frames (what {@link SyntheticCaptureGenerator} writes),
 * finds every SIP message's header lines, hashes each Call-ID into a table of distinct ones (by a 31-bit hash: some 30
 * in a million collide at 140 k Call-IDs) and finds where the parameters of From, To and Via start; it keeps nothing and makes no
 * object per frame. Its line and delimiter search is the scanner's own. The gap between its time and {@code bench}'s,
 * in a fresh JVM each, is what a leaner load path could win (docs/DESIGN-NOTES.md note 18). Other captures may be
 * misread: it checks nothing it does not need; files must be under 2 GiB (one mapping).
 *
 * <pre>
 *   java -cp target/test-classes:target/classes dev.parley.decode.sip.ReadingFloor /tmp/parley-synthetic.pcap
 * </pre>
 */
public final class ReadingFloor {
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int UDP_PAYLOAD = 14 + 20 + 8; // Ethernet, IPv4 without options, UDP

    /** What one walk found. */
    public record Counts(long frames, long sipMessages, long callIds, long parameterOffsets) {
    }

    private final int[] callIdHashes = new int[1 << 21];
    private long frames;
    private long sipMessages;
    private long callIds;
    private long parameterOffsets; // summed and printed, so that the search for them is not optimised away

    private ReadingFloor() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Counts c = walk(Path.of(args[0]));
        System.out.printf("frames %d, sip messages %d, call-ids %d, %.3f s (parameter offsets %d)%n", c.frames(),
                c.sipMessages(), c.callIds(), (System.nanoTime() - start) / 1e9, c.parameterOffsets());
    }

    public static Counts walk(Path file) throws IOException {
        ReadingFloor floor = new ReadingFloor();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            byte[] frame = new byte[1 << 16];
            long at = PCAP_HEADER;
            while (at + RECORD_HEADER <= size) {
                int length = map.getInt((int) at + 8);
                int from = (int) at + RECORD_HEADER;
                at = from + (long) length;
                if (length > frame.length || at > size) {
                    break;
                }
                floor.frames++;
                map.get(from, frame, 0, length);
                floor.frame(frame, length);
            }
        }
        return new Counts(floor.frames, floor.sipMessages, floor.callIds, floor.parameterOffsets);
    }

    private void frame(byte[] b, int n) {
        if (n <= UDP_PAYLOAD + 12 || b[12] != 8 || b[13] != 0 || b[14] != 0x45 || b[23] != 17) {
            return;
        }
        int s = UDP_PAYLOAD;
        int lf = indexOf(b, '\n', s, n);
        boolean sip = lf > s + 8 && (b[s] == 'S' && b[s + 1] == 'I' && b[s + 2] == 'P' && b[s + 3] == '/'
                || b[lf - 8] == 'S' && b[lf - 7] == 'I' && b[lf - 6] == 'P' && b[lf - 5] == '/');
        if (!sip) {
            return;
        }
        sipMessages++;
        int callIdHash = 0;
        boolean hasCallId = false;
        for (int p = lf + 1; p < n; ) {
            int e = indexOf(b, '\n', p, n);
            if (e < 0) {
                e = n;
            }
            if (e - p <= 1) {
                break; // the blank line: the body follows
            }
            int c = b[p] | 0x20;
            if (c == 'c' || c == 'i' || c == 'f' || c == 't' || c == 'v') {
                int colon = indexOf(b, ':', p, e);
                int nameLength = colon - p;
                if (c == 'i' && nameLength == 1 || c == 'c' && nameLength == 7 && (b[p + 5] | 0x20) == 'i') {
                    hasCallId = true;
                    for (int i = colon + 1; i < e - 1; i++) {
                        callIdHash = callIdHash * 31 + b[i];
                    }
                } else if (nameLength > 0 && nameLength <= 4) {
                    parameterOffsets += Math.max(0, indexOf(b, ';', colon, e)); // From, To, Via (CSeq: none)
                }
            }
            p = e + 1;
        }
        if (hasCallId) {
            addCallId(callIdHash | 1); // 0 marks a free slot
        }
    }

    private void addCallId(int hash) {
        if (callIds >= callIdHashes.length / 4 * 3) {
            throw new IllegalStateException("more distinct Call-IDs than the floor's table holds");
        }
        int mask = callIdHashes.length - 1;
        int slot = (hash ^ hash >>> 16) * 0x9E3779B9 & mask;
        while (callIdHashes[slot] != 0 && callIdHashes[slot] != hash) {
            slot = slot + 1 & mask;
        }
        if (callIdHashes[slot] == 0) {
            callIdHashes[slot] = hash;
            callIds++;
        }
    }

    /** The scanner's own eight-bytes-at-a-time search. */
    private static int indexOf(byte[] a, char b, int from, int end) {
        return StartLine.indexOf(a, (byte) b, from, end, -1);
    }
}
