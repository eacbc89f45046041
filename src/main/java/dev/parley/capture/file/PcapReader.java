package dev.parley.capture.file;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameView;
import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Classic libpcap files: both byte orders, microsecond and nanosecond timestamps.
 *
 * <p>Lenient about two mistakes of broken writers, each reported as an anomaly. Record headers written in the other
 * byte order than the file header are read in that order when they are impossible in the file's order but
 * plausible in the other. A captured length that overshoots the stored bytes (the next record header would be
 * impossible, but a plausible one sits a few bytes earlier) is cut to where that header starts. Both rules only
 * replace impossible values, so a healthy file reads exactly as libpcap reads it.
 */
final class PcapReader extends RecordReader {
    static final int MAGIC_MICRO = 0xa1b2c3d4;
    static final int MAGIC_NANO = 0xa1b23c4d;

    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /** Largest record libpcap and Wireshark accept whatever the snaplen says. */
    private static final int LIBPCAP_MAX = 262_144;
    /** A resynchronising header must be within a day of the record before it. */
    private static final long MAX_TIME_JUMP_SECONDS = 86_400L;
    private static final int SCAN_WINDOW = 4096;
    private static final int MAX_FAILED_SCANS = 16;

    private final boolean fileBigEndian;
    private final long unitNanos;
    private final long subsecondLimit;
    private final int linkType;
    private final int snaplen;
    private final int bound;

    private boolean big;
    private long frames;
    private long lastSeconds = -1;
    private int lengthDelta;
    private int failedScans;
    // the record just read (number: frames), valid until the next read
    private long recordNanos;
    private byte[] recordBuffer;
    private int recordAt;
    private int recordLength;
    private int recordOriginalLength;
    private long recordFileOffset;

    PcapReader(InputWindow in, Path file, AnomalyLog anomalies) throws IOException {
        super(in, anomalies);
        if (!in.ensure(FILE_HEADER)) {
            throw new CaptureFormatException(file,
                    "pcap file header is cut short (" + in.available() + " of " + FILE_HEADER + " bytes)");
        }
        byte[] b = in.buffer();
        int p = in.pos();
        int magic = Ints.i32(b, p, true);
        this.fileBigEndian = magic == MAGIC_MICRO || magic == MAGIC_NANO;
        this.big = fileBigEndian;
        boolean nano = Ints.i32(b, p, big) == MAGIC_NANO;
        this.unitNanos = nano ? 1 : 1000;
        this.subsecondLimit = nano ? 1_000_000_000L : 1_000_000L;
        int major = Ints.u16(b, p + 4, big);
        if (major != 2) {
            anomalies.add(Anomaly.warning("capture.header.version", 0, "pcap version " + major + "."
                    + Ints.u16(b, p + 6, big) + ", expected 2.4; reading it as 2.4"));
        }
        long snap = Ints.u32(b, p + 16, big);
        this.snaplen = (int) Math.min(snap, Integer.MAX_VALUE);
        // The upper bits hold the FCS length and flags (LT_LINKTYPE in libpcap).
        this.linkType = Ints.i32(b, p + 20, big) & 0x03FF_FFFF;
        this.bound = snap > 0 && snap <= InputWindow.MAX_RECORD
                ? Math.max((int) snap, LIBPCAP_MAX) : InputWindow.MAX_RECORD;
        in.skip(FILE_HEADER);
    }

    @Override
    public Frame next() throws IOException {
        if (!read()) {
            return null;
        }
        return new Frame(frames, recordNanos, linkType, Bytes.of(recordBuffer, recordAt, recordLength),
                recordOriginalLength, recordFileOffset);
    }

    @Override
    public boolean next(FrameView into) throws IOException {
        if (!read()) {
            return false;
        }
        into.set(frames, recordNanos, linkType, recordBuffer, recordAt, recordLength, recordOriginalLength,
                recordFileOffset);
        return true;
    }

    /** Reads the next record into the {@code record...} fields; false (and done) at the end. */
    private boolean read() throws IOException {
        if (done) {
            return false;
        }
        long number = frames + 1;
        if (!in.ensure(RECORD_HEADER)) {
            if (in.available() > 0) {
                anomalies.add(Anomaly.error("capture.record.truncated", number, "the record header is cut short ("
                        + in.available() + " of " + RECORD_HEADER + " bytes at the end of the file)"));
            }
            return end();
        }
        byte[] b = in.buffer();
        int p = in.pos();
        long incl = Ints.u32(b, p + 8, big);
        if (incl > bound) {
            if (!plausible(b, p, !big, lastSeconds)) {
                anomalies.add(Anomaly.error("capture.record.invalid", number, "impossible captured length " + incl
                        + " (snaplen " + snaplen + "); reading stops here"));
                return end();
            }
            big = !big;
            anomalies.add(Anomaly.warning("capture.record.byte_order", number, "record headers are "
                    + order(big) + " while the file header is " + order(fileBigEndian) + "; reading them "
                    + order(big)));
            incl = Ints.u32(b, p + 8, big);
        }
        int claimed = (int) incl;
        int len = claimed;
        if (in.ensure(RECORD_HEADER + len + RECORD_HEADER)) {
            b = in.buffer();
            p = in.pos();
            if (failedScans < MAX_FAILED_SCANS && suspicious(b, p + RECORD_HEADER + len)) {
                len -= shorterBy(len);
                b = in.buffer();
                p = in.pos();
            }
        } else {
            b = in.buffer();
            p = in.pos();
            int stored = in.available() - RECORD_HEADER;
            if (stored < len) {
                if (lengthDelta == 0 || stored != len - lengthDelta) {
                    anomalies.add(Anomaly.error("capture.record.truncated", number, "the record claims " + len
                            + " bytes but the file ends after " + Math.max(stored, 0)));
                    return end();
                }
                len = stored; // the same overshoot as the records before: the file ends where this record does
            }
        }
        long originalLength = Ints.u32(b, p + 12, big);
        if (len != claimed) {
            anomalies.add(Anomaly.warning("capture.record.length_mismatch", number, "the record claims " + claimed
                    + " captured bytes but only " + len + " are stored before the next record or the end of the file;"
                    + " cut to " + len));
            if (originalLength == claimed) {
                originalLength = len;
            }
        }
        long seconds = Ints.u32(b, p, big);
        long subseconds = Ints.u32(b, p + 4, big);
        lastSeconds = seconds;
        frames = number;
        recordNanos = seconds * 1_000_000_000L + subseconds * unitNanos;
        recordBuffer = b;
        recordAt = p + RECORD_HEADER;
        recordLength = len;
        recordOriginalLength = (int) Math.min(Math.max(originalLength, len), Integer.MAX_VALUE);
        recordFileOffset = in.streamOffset(p + RECORD_HEADER);
        in.skip(RECORD_HEADER + len);
        return true;
    }

    private boolean end() {
        finish();
        return false;
    }

    /** The header at {@code q} has values no healthy writer produces in the current byte order. */
    private boolean suspicious(byte[] b, int q) {
        long incl = Ints.u32(b, q + 8, big);
        return incl > bound || Ints.u32(b, q + 4, big) >= subsecondLimit || Ints.u32(b, q + 12, big) < incl;
    }

    /**
     * How many bytes to cut from a record whose successor looks wrong: the distance to the nearest plausible record
     * header before the claimed end whose own successor is plausible too (the last cut tried first, as broken
     * writers repeat themselves), or 0. May move the buffer.
     */
    private int shorterBy(int len) throws IOException {
        byte[] b = in.buffer();
        int p = in.pos();
        int next = RECORD_HEADER + len;
        long seconds = Ints.u32(b, p, big);
        if (plausible(b, p + next, !big, seconds)) {
            return 0; // the next header switches byte order: its own problem, not this record's
        }
        if (lengthDelta > 0 && lengthDelta <= len && resynchronises(next - lengthDelta, lengthDelta, seconds)) {
            return lengthDelta;
        }
        int window = Math.min(len, SCAN_WINDOW);
        for (int d = 1; d <= window; d++) {
            if (resynchronises(next - d, d, seconds)) {
                lengthDelta = d;
                return d;
            }
        }
        failedScans++;
        return 0;
    }

    /**
     * Whether a record header at {@code rel} bytes past the read position is plausible and is followed, with the same
     * overshoot {@code delta}, by another plausible header or by the exact end of the file. May move the buffer.
     */
    private boolean resynchronises(int rel, int delta, long seconds) throws IOException {
        if (!plausible(in.buffer(), in.pos() + rel, big, seconds)) {
            return false;
        }
        long incl = Ints.u32(in.buffer(), in.pos() + rel + 8, big);
        if (incl < delta) {
            return false;
        }
        long after = rel + RECORD_HEADER + incl - delta;
        if (after + RECORD_HEADER > InputWindow.MAX_CAPACITY) {
            return false;
        }
        if (in.ensure((int) after + RECORD_HEADER)) {
            return plausible(in.buffer(), in.pos() + (int) after, big, seconds);
        }
        return in.available() == after;
    }

    /** Strict check of a record header at {@code q}, in the given byte order, near {@code refSeconds} if known. */
    private boolean plausible(byte[] b, int q, boolean order, long refSeconds) {
        long incl = Ints.u32(b, q + 8, order);
        long orig = Ints.u32(b, q + 12, order);
        if (incl > bound || orig < incl || orig > InputWindow.MAX_RECORD
                || Ints.u32(b, q + 4, order) >= subsecondLimit) {
            return false;
        }
        return refSeconds < 0 || Math.abs(Ints.u32(b, q, order) - refSeconds) <= MAX_TIME_JUMP_SECONDS;
    }

    private static String order(boolean bigEndian) {
        return bigEndian ? "big-endian" : "little-endian";
    }
}
