package dev.parley.view;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a file load's threads while the window lays out and draws the first rows (docs/DESIGN-NOTES.md note 14).
 * That frame creates and styles every visible table cell with cold code; with the reading and correlating threads
 * on both cores it took 650–757 ms instead of about 300–500. The wait is bounded, so a window that never draws
 * cannot stall a load; a cancel or a new load opens it at once.
 */
final class FirstRowsGate {
    /** How long the loading threads wait for the frame at most. */
    static final long MAX_WAIT_MILLIS = 1_000;

    private final CountDownLatch drawn = new CountDownLatch(1);
    private final long maxWaitMillis;

    FirstRowsGate(long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Loading thread: waits until {@link #open} or the maximum wait. */
    void await() {
        try {
            drawn.await(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first rows are on screen (or the load was cancelled or dropped): the loading threads go on. */
    void open() {
        drawn.countDown();
    }

    boolean isOpen() {
        return drawn.getCount() == 0;
    }
}
