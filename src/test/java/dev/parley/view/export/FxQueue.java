package dev.parley.view.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Stands in for the FX thread in view-model tests: posted tasks are queued and run by the test thread. */
final class FxQueue implements Consumer<Runnable> {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void accept(Runnable r) {
        synchronized (queue) {
            queue.add(r);
            queue.notifyAll();
        }
    }

    /** Runs posted tasks until the condition holds; fails after 20 s. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
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
}
