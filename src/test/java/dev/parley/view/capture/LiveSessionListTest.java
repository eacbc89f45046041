package dev.parley.view.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.Anomaly;
import dev.parley.view.MainViewModel;
import dev.parley.view.sessions.SessionRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * The main window fed by a growing source (as the live spool feeds it): rows appear when the source waits, then are
 * refreshed with final states and the first call's ladder while the capture still runs. No libpcap needed.
 */
class LiveSessionListTest {
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

    /** The sample's frames, then "waiting for more" (idle twice, a second apart) until released. */
    private static final class GrowingSource implements FrameSource {
        private final FrameSource file;
        private final CountDownLatch release = new CountDownLatch(1);
        private LongConsumer idle = n -> { };
        private long handed;

        GrowingSource(Path sample) throws IOException {
            this.file = CaptureFiles.open(sample);
        }

        @Override
        public Frame next() throws IOException {
            Frame f = file.next();
            if (f != null) {
                handed++;
                return f;
            }
            try {
                // as the spool reader does: says so when the capture goes quiet, then again while it stays quiet
                idle.accept(handed);
                while (!release.await(300, TimeUnit.MILLISECONDS)) {
                    idle.accept(handed);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public void whenIdle(LongConsumer hook) {
            idle = hook;
        }

        @Override
        public List<Anomaly> anomalies() {
            return file.anomalies();
        }

        @Override
        public long position() {
            return file.position();
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private void runFxUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable r = fx.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertThat(done.getAsBoolean()).as("condition reached in 20 s").isTrue();
    }

    @Test
    void sessionsAndTheLadderUpdateWhileCapturing() throws Exception {
        MainViewModel vm = new MainViewModel(fx::add);
        Path sample = Path.of("samples", "sip-call-udp.pcap");
        GrowingSource source = new GrowingSource(sample);
        vm.openLive(source, sample, "lo");
        assertThat(vm.statusProperty().get()).contains("Capturing on lo");
        runFxUntil(() -> vm.sessionList().allRows().size() == 3);
        assertThat(vm.loadingProperty().get()).as("still capturing").isTrue();
        // the live refresh: final states, and the first call selected with its ladder, before the capture ends
        runFxUntil(() -> vm.sessionList().requestedSelectionProperty().get() != null
                && !vm.sessionList().requestedSelectionProperty().get().isEmpty());
        assertThat(vm.sessionList().allRows()).extracting(SessionRow::state).containsOnly("COMPLETED");
        // the sessions are there to select while capturing (the table applies the requested selection)
        // while correlation runs, the ladder is built at the next live refresh (the sessions are read only then)
        vm.sessionList().select(List.of(vm.sessionList().allRows().get(0)));
        assertThat(vm.sessionList().selectedSessions()).hasSize(1);
        runFxUntil(() -> vm.ladder().getModel().arrows().size() == 7);
        assertThat(vm.detail().treeProperty().get()).as("message bytes kept in memory while capturing").isNotNull();
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.recentFiles()).as("a live capture is not a recent file").isEmpty();
        source.release.countDown();
        runFxUntil(() -> !vm.loadingProperty().get());
        assertThat(vm.modelProperty().get().frames()).isEqualTo(21);
        vm.shutdown();
    }
}
