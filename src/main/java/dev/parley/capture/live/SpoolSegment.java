package dev.parley.capture.live;

import java.nio.file.Path;

/**
 * One spool file of the ring: a complete pcapng section (header, one IDB per interface, packets). The writer
 * publishes how many bytes are flushed, always whole blocks, so a reader never sees half a block. Fields other
 * than the path are guarded by the {@link Spool}'s lock.
 */
final class SpoolSegment {
    final int index;
    final Path path;
    /** Number of the segment's first frame in the whole capture (1-based), so every reader numbers alike. */
    final long firstFrame;
    /** Offset of the segment's first byte in the capture as if all segments were one stream. */
    final long streamBase;
    long flushedBytes;
    long frames;
    long firstNanos = -1;
    long lastNanos = -1;
    boolean sealed;
    boolean dropped;

    SpoolSegment(int index, Path path, long firstFrame, long streamBase) {
        this.index = index;
        this.path = path;
        this.firstFrame = firstFrame;
        this.streamBase = streamBase;
    }
}
