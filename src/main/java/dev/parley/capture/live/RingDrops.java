package dev.parley.capture.live;

/**
 * What the ring buffer removed from disk to stay within its limits: whole spool files, oldest first.
 *
 * @param untilNanos capture time of the last frame dropped, -1 when nothing was dropped
 */
public record RingDrops(long frames, long bytes, int files, long untilNanos) {

    public boolean any() {
        return files > 0;
    }
}
