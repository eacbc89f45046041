package dev.parley.capture.live;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads the spool while it grows (DESIGN.md decision 3): frames of every segment in order, up to what the writer has
 * flushed (whole blocks), waiting for more until the capture ends. Frame numbers come from the segment, so a frame
 * has the same number in every reader even after the ring dropped files. A snapshot reader (for saving) stops at
 * what is flushed when it gets there instead of waiting.
 */
final class SpoolReader implements FrameSource {
    private static final long WAIT_MILLIS = 100;

    private final Spool spool;
    private final boolean follow;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Integer> linkTypes = new ArrayList<>();
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private long bufFileOffset;
    private SpoolSegment segment;
    private FileChannel channel;
    private int nextSegment = 1;
    private long segmentFrames;
    private long handedOut;
    private long lastNumber;
    private int lastInterface;
    private LongConsumer idle = n -> { };
    private boolean idleSignalled = true;
    private long lastIdleNanos;
    private static final long IDLE_REPEAT_NANOS = 500_000_000L;
    private boolean corrupt;

    SpoolReader(Spool spool, boolean follow) {
        this.spool = spool;
        this.follow = follow;
    }

    @Override
    public void whenIdle(LongConsumer hook) {
        this.idle = hook;
    }

    @Override
    public Frame next() throws IOException {
        while (true) {
            if (segment == null && !openNext()) {
                return null;
            }
            Frame f = parse();
            if (corrupt) {
                corrupt = false;
                closeSegment();
                continue;
            }
            if (f != null) {
                idleSignalled = false;
                handedOut++;
                return f;
            }
            if (fileAvailable() > 0) {
                fill();
                continue;
            }
            boolean sealed;
            synchronized (spool) {
                sealed = segment.sealed;
            }
            if (sealed && fileAvailable() == 0) {
                closeSegment();
                continue;
            }
            if (!follow) {
                return null;
            }
            waitForMore();
        }
    }

    /** Bytes flushed to the current file that are not in the buffer yet. */
    private long fileAvailable() {
        long flushed;
        synchronized (spool) {
            flushed = segment.flushedBytes;
        }
        return flushed - (bufFileOffset + limit);
    }

    private boolean openNext() throws IOException {
        while (true) {
            SpoolSegment s = spool.segmentFrom(nextSegment);
            if (s == null) {
                if (!follow || spool.finished()) {
                    return false;
                }
                waitForMore();
                continue;
            }
            if (s.index > nextSegment) {
                anomalies.add(Anomaly.warning("capture.spool.dropped", s.firstFrame, "the ring buffer dropped "
                        + "frames " + (lastNumber + 1) + " to " + (s.firstFrame - 1)
                        + " before they were read (spool size or age limit)"));
            }
            nextSegment = s.index + 1;
            try {
                channel = FileChannel.open(s.path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                continue; // dropped between the lookup and the open
            }
            segment = s;
            segmentFrames = 0;
            linkTypes.clear();
            pos = 0;
            limit = 0;
            bufFileOffset = 0;
            return true;
        }
    }

    private void closeSegment() throws IOException {
        channel.close();
        channel = null;
        segment = null;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufFileOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        long want = Math.min(buf.length - limit, fileAvailable());
        ByteBuffer into = ByteBuffer.wrap(buf, limit, (int) want);
        while (into.hasRemaining()) {
            int n = channel.read(into, bufFileOffset + limit + (into.position() - limit));
            if (n < 0) {
                break;
            }
        }
        limit = into.position();
    }

    /** The next packet of the buffer, skipping other blocks; null when the buffer holds no whole block. */
    private Frame parse() {
        while (limit - pos >= 12) {
            int type = i32(pos);
            int len = i32(pos + 4);
            if (len < 12 || (len & 3) != 0) {
                anomalies.add(Anomaly.error("capture.block.invalid", lastNumber + 1, "spool block of impossible "
                        + "length " + len + " in " + segment.path.getFileName() + "; the rest of that file is skipped"));
                corrupt = true;
                return null;
            }
            if (limit - pos < len) {
                if (len > buf.length) {
                    byte[] bigger = new byte[Integer.highestOneBit(len) << 1];
                    System.arraycopy(buf, pos, bigger, 0, limit - pos);
                    bufFileOffset += pos;
                    limit -= pos;
                    pos = 0;
                    buf = bigger;
                }
                return null;
            }
            int p = pos;
            pos += len;
            if (type == PcapngBlocks.INTERFACE_DESCRIPTION) {
                linkTypes.add(i32(p + 8) & 0xffff);
            } else if (type == PcapngBlocks.ENHANCED_PACKET) {
                int itf = i32(p + 8);
                lastInterface = itf;
                long nanos = ((i32(p + 12) & 0xffffffffL) << 32) | (i32(p + 16) & 0xffffffffL);
                int captured = Math.min(i32(p + 20), len - PcapngBlocks.EPB_OVERHEAD);
                int original = i32(p + 24);
                int linkType = itf >= 0 && itf < linkTypes.size() ? linkTypes.get(itf) : 0;
                segmentFrames++;
                lastNumber = segment.firstFrame + segmentFrames - 1;
                return new Frame(lastNumber, nanos, linkType, Bytes.of(buf, p + 28, captured),
                        Math.max(original, captured), segment.streamBase + bufFileOffset + p + 28);
            }
        }
        return null;
    }

    private int i32(int at) {
        return (buf[at] & 0xff) | (buf[at + 1] & 0xff) << 8 | (buf[at + 2] & 0xff) << 16 | (buf[at + 3] & 0xff) << 24;
    }

    private void waitForMore() throws IOException {
        // once when the capture goes quiet, then about twice a second while it stays quiet: the live views refresh
        // (and show a selection) only when the loader reports progress
        long now = System.nanoTime();
        if (!idleSignalled || now - lastIdleNanos >= IDLE_REPEAT_NANOS) {
            idleSignalled = true;
            lastIdleNanos = now;
            idle.accept(handedOut);
        }
        try {
            spool.await(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for captured frames");
        }
    }

    /** The pcapng interface id of the last frame handed out. */
    int lastInterface() {
        return lastInterface;
    }

    @Override
    public List<Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    @Override
    public long position() {
        return segment == null ? 0 : segment.streamBase + bufFileOffset + pos;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            closeSegment();
        }
    }
}
