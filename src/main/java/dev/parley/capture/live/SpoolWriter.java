package dev.parley.capture.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends packets to the spool's current pcapng file through one buffer, flushed (written to the file, so a killed
 * process leaves whole blocks on disk) whenever the queue runs dry or the buffer fills. Rotates files and drops the
 * oldest to keep the {@link RingLimits}. One thread only: the spool writer thread.
 */
final class SpoolWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final Spool spool;
    private final List<SpoolInterface> interfaces;
    private final RingLimits limits;
    private final ByteBuffer buffer;
    private SpoolSegment segment;
    private FileChannel channel;
    private long segmentBytes;
    private long segmentFrames;
    private long segmentFirstNanos = -1;
    private long segmentLastNanos = -1;
    private long frames;
    private long lastNanos = -1;
    private long streamBytes;
    private int nextIndex = 1;

    SpoolWriter(Spool spool, List<SpoolInterface> interfaces, RingLimits limits) throws IOException {
        this.spool = spool;
        this.interfaces = List.copyOf(interfaces);
        this.limits = limits;
        int maxSnap = 0;
        for (SpoolInterface i : interfaces) {
            maxSnap = Math.max(maxSnap, i.snaplen());
        }
        this.buffer = ByteBuffer.allocateDirect(Math.max(BUFFER, PcapngBlocks.packetBlockLength(maxSnap)))
                .order(ByteOrder.LITTLE_ENDIAN);
        openSegment();
    }

    void write(CapturedPacket p) throws IOException {
        int captured = p.data().length;
        int len = PcapngBlocks.packetBlockLength(captured);
        if (buffer.remaining() < len) {
            flush();
        }
        if (segmentFrames > 0 && (segmentBytes + buffer.position() + len > limits.segmentBytes()
                || p.timestampNanos() - segmentFirstNanos >= limits.segmentNanos())) {
            rotate();
        }
        PcapngBlocks.putPacket(buffer, p.interfaceId(), p.timestampNanos(), p.data(), 0, captured,
                p.originalLength());
        frames++;
        segmentFrames++;
        if (segmentFirstNanos < 0) {
            segmentFirstNanos = p.timestampNanos();
        }
        segmentLastNanos = p.timestampNanos();
        lastNanos = p.timestampNanos();
    }

    /** Writes what is buffered to the file and tells readers. */
    void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            segmentBytes += channel.write(buffer);
        }
        buffer.clear();
        spool.flushed(segment, segmentBytes, segmentFrames, segmentFirstNanos, segmentLastNanos);
    }

    long frames() {
        return frames;
    }

    private void rotate() throws IOException {
        flush();
        closeSegment();
        enforceLimits();
        openSegment();
    }

    private void openSegment() throws IOException {
        Path path = spool.directory().resolve(String.format("spool-%05d.pcapng", nextIndex));
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segment = new SpoolSegment(nextIndex++, path, frames + 1, streamBytes);
        segmentBytes = 0;
        segmentFrames = 0;
        segmentFirstNanos = -1;
        segmentLastNanos = -1;
        buffer.put(PcapngBlocks.sectionHeader());
        for (SpoolInterface i : interfaces) {
            buffer.put(PcapngBlocks.interfaceDescription(i));
        }
        spool.add(segment);
        flush();
    }

    private void closeSegment() throws IOException {
        channel.close();
        streamBytes += segmentBytes;
        spool.seal(segment);
    }

    /** Drops the oldest files while the sealed ones are over a bound; runs between two files. */
    private void enforceLimits() throws IOException {
        while (true) {
            List<SpoolSegment> all = spool.segments();
            if (all.size() < 2) {
                return; // the newest sealed file is kept whatever its size or age
            }
            SpoolSegment oldest = all.get(0);
            boolean overSize = limits.maxBytes() > 0 && spool.totalBytes() > limits.maxBytes();
            boolean overAge = limits.maxAge() != null && oldest.lastNanos >= 0
                    && lastNanos - oldest.lastNanos > limits.maxAge().toNanos();
            if (!overSize && !overAge) {
                return;
            }
            spool.dropped(oldest);
            Files.deleteIfExists(oldest.path);
        }
    }

    /** Flushes, seals the last file and marks the spool finished; the files stay for reading and saving. */
    @Override
    public void close() throws IOException {
        try {
            flush();
            closeSegment();
        } finally {
            spool.finish();
        }
    }
}
