package dev.parley.view;

import dev.parley.view.sessions.SessionRow;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands batches from the loading thread to the FX thread (DESIGN.md decision 8): at most one runLater is pending at a
 * time; what arrives meanwhile is merged into it.
 */
final class BatchPublisher {
    private final long sequence;
    private final Consumer<Runnable> fxThread;
    private final Consumer<LoadBatch> sink;
    private LoadBatch pending; // guarded by this

    /**
     * @param fxThread runs a task on the FX thread (Platform::runLater)
     * @param sink     applies a batch on the FX thread; it drops batches of stale sequences
     */
    BatchPublisher(long sequence, Consumer<Runnable> fxThread, Consumer<LoadBatch> sink) {
        this.sequence = sequence;
        this.fxThread = fxThread;
        this.sink = sink;
    }

    /** Called on the loading thread. */
    void publish(Supplier<List<SessionRow>> newRows, double fraction, long frames, long sipMessages) {
        List<SessionRow> rows = newRows.get();
        boolean schedule;
        synchronized (this) {
            if (pending == null) {
                pending = new LoadBatch(sequence, rows, fraction, frames, sipMessages);
                schedule = true;
            } else {
                pending.merge(rows, fraction, frames, sipMessages);
                schedule = false;
            }
        }
        if (schedule) {
            fxThread.accept(this::drain);
        }
    }

    private void drain() {
        LoadBatch batch;
        synchronized (this) {
            batch = pending;
            pending = null;
        }
        if (batch != null) {
            sink.accept(batch);
        }
    }

    /** Runs {@code task} on the FX thread after every batch already handed over. */
    void after(Runnable task) {
        fxThread.accept(() -> {
            drain();
            task.run();
        });
    }
}
