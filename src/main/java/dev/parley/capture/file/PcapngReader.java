package dev.parley.capture.file;

import dev.parley.capture.Frame;
import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng files: sections (each with its own byte order and interfaces), interface descriptions, enhanced, simple and
 * obsolete packet blocks. Every other block (name resolution, statistics, decryption secrets, custom) is skipped.
 * A block whose length is impossible or cut short ends the reading with an anomaly; everything before is kept.
 */
final class PcapngReader extends RecordReader {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    private static final int OPT_END = 0;
    private static final int OPT_TSRESOL = 9;
    private static final int OPT_TSOFFSET = 14;
    private static final long MAX_OFFSET_SECONDS = 9_000_000_000L;

    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private boolean big;
    private long frames;
    private long lastNanos;

    PcapngReader(InputWindow in, Path file, AnomalyLog anomalies) throws IOException {
        super(in, anomalies);
        if (!in.ensure(12)) {
            throw new CaptureFormatException(file, "pcapng section header is cut short (" + in.available() + " bytes)");
        }
        int magic = Ints.i32(in.buffer(), in.pos() + 8, true);
        if (magic != BYTE_ORDER_MAGIC && magic != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            throw new CaptureFormatException(file, "pcapng section header has no byte-order magic");
        }
    }

    @Override
    public Frame next() throws IOException {
        while (!done) {
            if (!in.ensure(8)) {
                if (in.available() > 0) {
                    anomalies.add(Anomaly.error("capture.block.truncated", frames + 1, "a block header is cut short ("
                            + in.available() + " bytes at the end of the file)"));
                }
                return finish();
            }
            byte[] b = in.buffer();
            int p = in.pos();
            int type = Ints.i32(b, p, big);
            if (type == SECTION_HEADER) {
                if (!in.ensure(12)) {
                    anomalies.add(Anomaly.error("capture.block.truncated", frames + 1,
                            "a section header is cut short at the end of the file"));
                    return finish();
                }
                b = in.buffer();
                p = in.pos();
                int magic = Ints.i32(b, p + 8, true);
                if (magic != BYTE_ORDER_MAGIC && magic != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
                    anomalies.add(Anomaly.error("capture.block.invalid", frames + 1,
                            "a section header has no byte-order magic; reading stops here"));
                    return finish();
                }
                big = magic == BYTE_ORDER_MAGIC;
            }
            long length = Ints.u32(b, p + 4, big);
            if (length < 12 || (length & 3) != 0 || length > InputWindow.MAX_RECORD) {
                anomalies.add(Anomaly.error("capture.block.invalid", frames + 1, "block of type " + hex(type)
                        + " has an impossible length " + length + "; reading stops here"));
                return finish();
            }
            int len = (int) length;
            if (!in.ensure(len)) {
                anomalies.add(Anomaly.error("capture.block.truncated", frames + 1, "block of type " + hex(type)
                        + " claims " + len + " bytes but the file ends after " + in.available()));
                return finish();
            }
            b = in.buffer();
            p = in.pos();
            if (Ints.u32(b, p + len - 4, big) != length) {
                anomalies.add(Anomaly.error("capture.block.invalid", frames + 1, "block of type " + hex(type)
                        + " ends with a different length than it starts with; reading stops here"));
                return finish();
            }
            Frame frame = null;
            if (type == SECTION_HEADER) {
                startSection(b, p, len);
            } else if (type == INTERFACE_DESCRIPTION) {
                describeInterface(b, p, len);
            } else if (type == ENHANCED_PACKET) {
                frame = packet(b, p, len, Ints.u32(b, p + 8, big), 28);
            } else if (type == OBSOLETE_PACKET) {
                frame = packet(b, p, len, Ints.u16(b, p + 8, big), 28);
            } else if (type == SIMPLE_PACKET) {
                frame = simplePacket(b, p, len);
            }
            in.skip(len);
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    private void startSection(byte[] b, int p, int len) {
        interfaces.clear();
        if (len < 28) {
            anomalies.add(Anomaly.warning("capture.block.invalid", frames + 1, "section header block of " + len
                    + " bytes is too short"));
            return;
        }
        int major = Ints.u16(b, p + 12, big);
        if (major != 1) {
            anomalies.add(Anomaly.warning("capture.section.version", frames + 1, "pcapng section version " + major
                    + "." + Ints.u16(b, p + 14, big) + ", expected 1.0; reading it as 1.0"));
        }
    }

    private void describeInterface(byte[] b, int p, int len) {
        if (len < 20) {
            anomalies.add(Anomaly.warning("capture.block.invalid", frames + 1, "interface description block of "
                    + len + " bytes is too short; interface " + interfaces.size() + " has link type 0"));
            interfaces.add(new PcapngInterface(0, 0, PcapngInterface.DEFAULT_RESOLUTION, 0));
            return;
        }
        int linkType = Ints.u16(b, p + 8, big);
        int snaplen = (int) Math.min(Ints.u32(b, p + 12, big), Integer.MAX_VALUE);
        int resolution = PcapngInterface.DEFAULT_RESOLUTION;
        long offsetSeconds = 0;
        int q = p + 16;
        int end = p + len - 4;
        while (q + 4 <= end) {
            int code = Ints.u16(b, q, big);
            int optionLength = Ints.u16(b, q + 2, big);
            if (code == OPT_END) {
                break;
            }
            int value = q + 4;
            if (value + optionLength > end) {
                anomalies.add(Anomaly.warning("capture.block.invalid", frames + 1, "an option of interface "
                        + interfaces.size() + " overruns its block"));
                break;
            }
            if (code == OPT_TSRESOL && optionLength >= 1) {
                resolution = b[value] & 0xff;
            } else if (code == OPT_TSOFFSET && optionLength >= 8) {
                offsetSeconds = Ints.i64(b, value, big);
            }
            q = value + ((optionLength + 3) & ~3);
        }
        if ((resolution & 0x80) == 0 ? resolution > 18 : (resolution & 0x7f) > 63) {
            anomalies.add(Anomaly.warning("capture.interface.tsresol", frames + 1, "interface " + interfaces.size()
                    + " has an unusable timestamp resolution " + resolution + "; using microseconds"));
            resolution = PcapngInterface.DEFAULT_RESOLUTION;
        }
        if (Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
            anomalies.add(Anomaly.warning("capture.interface.tsoffset", frames + 1, "interface " + interfaces.size()
                    + " has an impossible timestamp offset " + offsetSeconds + " s; ignored"));
            offsetSeconds = 0;
        }
        interfaces.add(new PcapngInterface(linkType, snaplen, resolution, offsetSeconds * 1_000_000_000L));
    }

    /** Enhanced and obsolete packet blocks: interface id at 8, timestamp at 12, lengths at 20 and 24, data at 28. */
    private Frame packet(byte[] b, int p, int len, long interfaceId, int dataStart) {
        long number = frames + 1;
        if (len < dataStart + 4) {
            anomalies.add(Anomaly.error("capture.block.invalid", number, "packet block of " + len
                    + " bytes is too short; skipped"));
            return null;
        }
        PcapngInterface itf = interfaceFor(interfaceId, number);
        if (itf == null) {
            return null;
        }
        long raw = (Ints.u32(b, p + 12, big) << 32) | Ints.u32(b, p + 16, big);
        long captured = Ints.u32(b, p + 20, big);
        long original = Ints.u32(b, p + 24, big);
        int room = len - dataStart - 4;
        if (captured > room) {
            anomalies.add(Anomaly.error("capture.block.invalid", number, "packet claims " + captured
                    + " captured bytes but its block holds " + room + "; cut to " + room));
            captured = room;
        }
        return frame(itf, itf.nanos(raw), b, p + dataStart, (int) captured, original);
    }

    private Frame simplePacket(byte[] b, int p, int len) {
        long number = frames + 1;
        if (len < 16) {
            anomalies.add(Anomaly.error("capture.block.invalid", number, "simple packet block of " + len
                    + " bytes is too short; skipped"));
            return null;
        }
        PcapngInterface itf = interfaceFor(0, number);
        if (itf == null) {
            return null;
        }
        long original = Ints.u32(b, p + 8, big);
        long captured = Math.min(original, len - 16);
        if (itf.snaplen() > 0) {
            captured = Math.min(captured, itf.snaplen());
        }
        // A simple packet has no timestamp: it inherits the previous frame's so capture time never runs backwards.
        return frame(itf, lastNanos, b, p + 12, (int) captured, original);
    }

    private PcapngInterface interfaceFor(long id, long number) {
        if (id < interfaces.size()) {
            return interfaces.get((int) id);
        }
        anomalies.add(Anomaly.error("capture.block.invalid", number, "packet of undescribed interface " + id
                + " (the section describes " + interfaces.size() + "); skipped"));
        return null;
    }

    private Frame frame(PcapngInterface itf, long nanos, byte[] b, int data, int captured, long original) {
        frames++;
        lastNanos = nanos;
        return new Frame(frames, nanos, itf.linkType(), Bytes.of(b, data, captured),
                (int) Math.min(Math.max(original, captured), Integer.MAX_VALUE), in.streamOffset(data));
    }

    private static String hex(int type) {
        return "0x" + Integer.toHexString(type);
    }
}
