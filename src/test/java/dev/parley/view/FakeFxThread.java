package dev.parley.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Stands in for the FX thread in view-model tests: what the view model posts is queued and run by the test thread,
 * so loading can be driven without a toolkit.
 */
public final class FakeFxThread implements Consumer<Runnable> {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void accept(Runnable r) {
        synchronized (queue) {
            queue.add(r);
            queue.notifyAll();
        }
    }

    /** Runs posted tasks until the view model has stopped loading; fails after 20 s. */
    void runUntilLoaded(MainViewModel vm) throws InterruptedException {
        runUntil(() -> !vm.loadingProperty().get());
    }

    /** Runs posted tasks until the condition holds; fails after 20 s. */
    public void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Runnable r;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    queue.wait(50);
                }
                r = queue.poll();
            }
            if (r != null) {
                r.run();
            }
            if (done.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError("condition not met after 20 s");
    }

    /** Runs posted tasks, and those they post, until none is left. */
    void runPending() {
        while (true) {
            Runnable r;
            synchronized (queue) {
                r = queue.poll();
            }
            if (r == null) {
                return;
            }
            r.run();
        }
    }
}
