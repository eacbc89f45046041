package dev.parley.capture.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spool's shared state: its segments (the ring), what has been flushed, what the ring dropped, whether the
 * capture ended. The writer changes it; readers wait on it for more bytes. One lock, held for a few field updates.
 */
final class Spool {
    private final Path directory;
    private final List<SpoolSegment> segments = new ArrayList<>();
    private boolean finished;
    private long droppedFrames;
    private long droppedBytes;
    private int droppedSegments;
    private long droppedUntilNanos = -1;

    Spool(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    synchronized void add(SpoolSegment s) {
        segments.add(s);
        notifyAll();
    }

    synchronized void flushed(SpoolSegment s, long bytes, long frames, long firstNanos, long lastNanos) {
        s.flushedBytes = bytes;
        s.frames = frames;
        s.firstNanos = firstNanos;
        s.lastNanos = lastNanos;
        notifyAll();
    }

    synchronized void seal(SpoolSegment s) {
        s.sealed = true;
        notifyAll();
    }

    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    synchronized boolean finished() {
        return finished;
    }

    /** The ring dropped the oldest segment: its frames are gone from disk (readers that were past it keep theirs). */
    synchronized void dropped(SpoolSegment s) {
        s.dropped = true;
        segments.remove(s);
        droppedFrames += s.frames;
        droppedBytes += s.flushedBytes;
        droppedSegments++;
        droppedUntilNanos = Math.max(droppedUntilNanos, s.lastNanos);
    }

    /** The live segment whose index is {@code index} or, if the ring dropped it, the oldest later one; null if none yet. */
    synchronized SpoolSegment segmentFrom(int index) {
        for (SpoolSegment s : segments) {
            if (s.index >= index) {
                return s;
            }
        }
        return null;
    }

    synchronized List<SpoolSegment> segments() {
        return List.copyOf(segments);
    }

    synchronized long totalBytes() {
        long total = 0;
        for (SpoolSegment s : segments) {
            total += s.flushedBytes;
        }
        return total;
    }

    synchronized long totalFrames() {
        long total = 0;
        for (SpoolSegment s : segments) {
            total += s.frames;
        }
        return total;
    }

    synchronized RingDrops drops() {
        return new RingDrops(droppedFrames, droppedBytes, droppedSegments, droppedUntilNanos);
    }

    /** Waits up to {@code millis} for a change (more bytes, a new segment, the end). */
    synchronized void await(long millis) throws InterruptedException {
        wait(millis);
    }
}
