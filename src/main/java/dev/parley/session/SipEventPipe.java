package dev.parley.session;

import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipListener;
import dev.parley.session.sip.SipCorrelator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands SIP events from the decoding thread to a correlating thread in batches, so that reading, decoding and
 * scanning run on one core while correlation runs on the other. Events keep capture order (one producer, one
 * consumer). The bounded queue makes a fast reader wait instead of piling up memory. It is kept small: events in flight
 * when a young collection runs are promoted, and stay in the old generation as garbage until the end of a load (four
 * batches of 1,024 against eight of 2,048: peak RSS 322 against 331 MiB, the same build time; DESIGN-NOTES note 24).
 * Progress is reported from the correlating thread, the only one allowed to read the correlator.
 */
final class SipEventPipe implements SipListener, AutoCloseable {
    private static final int BATCH = 1024;
    private static final int QUEUED_BATCHES = 4;
    /**
     * The reading thread made each event on the other core, so the correlator's first reads of an event, its summary
     * and their key bytes miss its cache. Reading a later event's key array while this one is correlated lets the CPU
     * fetch those lines in the shadow of that work: a software prefetch, its sum kept in {@link #prefetched} once a
     * batch so that the reads are not dropped (once a message, that write to this object, whose fields the reading
     * thread uses on every message, cost both threads a cache line: build 1.44 against 1.47 s, 10 rounds). Two events
     * ahead: model build 1.37 against 1.43 s (medians of 8 alternating runs; 3.5 to 4.4 % in four series), the
     * correlating thread being the load's critical path on the benchmark machine (docs/DESIGN-NOTES.md note 30).
     */
    private static final int LOOK_AHEAD = 2;

    /** A batch of events and where the reader was when it was handed over. */
    private record Batch(List<SipEvent> events, long position, long size, long frames, boolean last) {
    }

    private final SipCorrelator correlator;
    private final LoadProgress progress;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread consumer;
    private volatile Throwable failure;
    private volatile long consumerCpuNanos = -1;
    private int prefetched; // see LOOK_AHEAD; never read
    private List<SipEvent> batch = new ArrayList<>(BATCH);

    SipEventPipe(SipCorrelator correlator, LoadProgress progress, String name) {
        this.correlator = correlator;
        this.progress = progress;
        this.consumer = new Thread(this::consume, "parley-correlate-" + name);
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void sip(SipEvent event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            handOver(-1, -1, -1, false);
        }
    }

    /** Hands what is batched over with a progress snapshot (called by the reader every so many frames). */
    void progress(long position, long size, long frames) {
        handOver(position, size, frames, false);
    }

    /** Hands the rest over and waits until every event was correlated and {@code finish()} ran. */
    void finish(long position, long size, long frames) {
        handOver(position, size, frames, true);
        join();
    }

    private void handOver(long position, long size, long frames, boolean last) {
        Batch b = new Batch(batch, position, size, frames, last);
        batch = new ArrayList<>(BATCH);
        try {
            while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (!consumer.isAlive()) {
                    throw new IllegalStateException("correlating thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }

    private void consume() {
        try {
            while (true) {
                Batch b = queue.take();
                List<SipEvent> events = b.events();
                int touched = 0;
                for (int i = 0, n = events.size(); i < n; i++) {
                    if (i + LOOK_AHEAD < n) {
                        touched += events.get(i + LOOK_AHEAD).sip().keys().length;
                    }
                    correlator.accept(events.get(i));
                }
                prefetched += touched;
                if (b.last()) {
                    correlator.finish();
                }
                if (b.frames() >= 0) {
                    progress.progress(b.position(), b.size(), b.frames(), correlator);
                }
                if (b.last()) {
                    consumerCpuNanos = threadCpuNanos();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** The correlating thread's CPU time once {@link #finish} returned, -1 when unknown. */
    long consumerCpuNanos() {
        return consumerCpuNanos;
    }

    private static long threadCpuNanos() {
        try {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        } catch (UnsupportedOperationException | LinkageError e) { // LinkageError: no java.management
            return -1;
        }
    }

    private void join() {
        try {
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Stops the correlating thread if loading failed before {@link #finish}. */
    @Override
    public void close() {
        if (consumer.isAlive()) {
            consumer.interrupt();
        }
    }
}
