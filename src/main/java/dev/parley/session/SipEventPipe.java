package dev.parley.session;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import dev.parley.decode.sip.SipBatch;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipRowListener;
import dev.parley.decode.sip.SipSummary;
import dev.parley.session.sip.SipCorrelator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Hands SIP events from the decoding thread to a correlating thread in batches, so that reading, decoding and
 * scanning run on one core while correlation runs on the other. Events keep capture order (one producer, one
 * consumer). The bounded queue makes a fast reader wait instead of piling up memory. It is kept small: events in flight
 * when a young collection runs are promoted, and stay in the old generation as garbage until the end of a load (four
 * batches of 1,024 against eight of 2,048: peak RSS 322 against 331 MiB, the same build time; DESIGN-NOTES note 24).
 * A batch is a {@link SipBatch}: the reading thread writes what the correlator reads of each message into its columns,
 * and the correlating thread reads them front to back (it used to read each event's objects, just made on the other
 * core: a quarter of its samples, docs/DESIGN-NOTES.md note 33); the scanner writes its rows there itself, with no
 * summary per message (note 36). Batches go back to the reader once correlated, so a
 * load fills the same few.
 * Progress is reported from the correlating thread, the only one allowed to read the correlator. That thread also
 * makes the correlator, while the reading thread makes its decoders: each takes a few milliseconds of class loading
 * at the start of a load, so they overlap (docs/DESIGN-NOTES.md note 43).
 */
final class SipEventPipe implements SipRowListener, AutoCloseable {
    private static final int BATCH = 1024;
    private static final int QUEUED_BATCHES = 4;

    /** A batch of events and where the reader was when it was handed over. */
    private record Batch(SipBatch events, long position, long size, long frames, boolean last) {
    }

    private final Supplier<SipCorrelator> makeCorrelator;
    /** Made and used on the correlating thread; read by others only after {@link #finish} joined it. */
    private SipCorrelator correlator;
    private final LoadProgress progress;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    /** Correlated batches, emptied, for the reader to fill again. */
    private final BlockingQueue<SipBatch> free = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
    private final Thread consumer;
    private volatile Throwable failure;
    private volatile long consumerCpuNanos = -1;
    private SipBatch batch = new SipBatch(BATCH);

    /** @param makeCorrelator makes the correlator, on the correlating thread */
    SipEventPipe(Supplier<SipCorrelator> makeCorrelator, LoadProgress progress, String name) {
        this.makeCorrelator = makeCorrelator;
        this.progress = progress;
        this.consumer = new Thread(this::consume, "parley-correlate-" + name);
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void sip(SipEvent e) {
        sip(e.sip(), e.flow(), e.frame(), e.timestampNanos(), e.origin(), e.bytes());
    }

    @Override
    public void sip(SipSummary sip, Flow flow, long frame, long timestampNanos, Origin origin, byte[] bytes) {
        batch.add(sip, flow, frame, timestampNanos, origin, bytes);
        if (batch.size() == BATCH) {
            handOver(-1, -1, -1, false);
        }
    }

    /** The scanner writes each message of the load here (see {@link SipRowListener}). */
    @Override
    public SipBatch rows() {
        return batch;
    }

    @Override
    public void rowAdded() {
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
        SipBatch next = free.poll();
        batch = next != null ? next : new SipBatch(BATCH);
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
            correlator = makeCorrelator.get();
            while (true) {
                Batch b = queue.take();
                SipBatch events = b.events();
                for (int i = 0, n = events.size(); i < n; i++) {
                    correlator.accept(events, i);
                }
                events.clear();
                free.offer(events);
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

    /** The correlator, once {@link #finish} returned. */
    SipCorrelator correlator() {
        return correlator;
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
