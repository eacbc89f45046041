package dev.parley.view;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a file load's threads while the window draws the first rows (docs/DESIGN-NOTES.md note 14). That first
 * frame creates and styles every visible table cell with cold code; with the reading and correlating threads on both
 * cores it took 650–757 ms instead of about 300–500. The wait is bounded, so a window that never draws cannot stall
 * a load.
 */
final class FirstRowsGate {
    /** How long the loading threads wait for the frame at most. */
    static final long MAX_WAIT_MILLIS = 1_000;

    private final CountDownLatch drawn = new CountDownLatch(1);

    /** Loading thread: waits until {@link #open} or {@link #MAX_WAIT_MILLIS}. */
    void await() {
        try {
            drawn.await(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first rows are on screen (or the load was dropped): the loading threads go on. */
    void open() {
        drawn.countDown();
    }

    boolean isOpen() {
        return drawn.getCount() == 0;
    }
}
