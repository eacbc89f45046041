package dev.parley.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.SyntheticCaptureGenerator;
import dev.parley.view.sessions.SessionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading through the view model with a hand-driven "FX thread": batches are coalesced into one pending task, stale
 * loads are dropped, errors name the file.
 */
class MainViewModelLoadTest {
    private final FakeFxThread fxThread = new FakeFxThread();

    @TempDir
    Path tmp;

    @Test
    void loadsTheSampleAndReplacesRowsWithFinalStates() throws Exception {
        MainViewModel vm = new MainViewModel(fxThread);
        vm.open(Path.of("samples", "sip-call-udp.pcap"));
        fxThread.runUntilLoaded(vm);
        assertThat(vm.sessionList().allRows()).hasSize(3);
        assertThat(vm.sessionList().allRows()).extracting(SessionRow::state).containsOnly("COMPLETED");
        assertThat(vm.sessionCountProperty().get()).isEqualTo(3);
        assertThat(vm.framesProperty().get()).isPositive();
        assertThat(vm.sipMessagesProperty().get()).isEqualTo(21);
        assertThat(vm.modelProperty().get()).isNotNull();
        assertThat(vm.recentFiles()).hasSize(1);
        // the first row is selected on completion, so the ladder shows the first call
        vm.sessionList().select(List.of(vm.sessionList().allRows().get(0)));
        assertThat(vm.ladder().getModel().arrows()).hasSize(7);
        assertThat(vm.detail().treeProperty().get()).isNotNull();
        vm.shutdown();
    }

    @Test
    void theFinalRowsAndTheLadderOfTheSelectionComeInSeparateFxTasks() throws Exception {
        MainViewModel vm = new MainViewModel(fxThread);
        // what the session table does with a requested selection
        vm.sessionList().requestedSelectionProperty().addListener(
                o -> vm.sessionList().select(vm.sessionList().requestedSelectionProperty().get()));
        vm.open(Path.of("samples", "sip-call-udp.pcap"));
        fxThread.runUntilLoaded(vm);
        // the task that applied the final rows selected the first one but left its ladder to a later task, so a
        // big list's last frame of loading is not stretched by the ladder, call flow and detail as well
        assertThat(vm.sessionList().selectedRows()).hasSize(1);
        assertThat(vm.ladder().getModel().arrows()).isEmpty();
        fxThread.runPending();
        assertThat(vm.ladder().getModel().arrows()).hasSize(7);
        assertThat(vm.detail().treeProperty().get()).isNotNull();
        vm.shutdown();
    }

    @Test
    void aFileLoadWaitsUntilTheFirstRowsAreDrawn() throws Exception {
        Path capture = tmp.resolve("synthetic.pcap");
        SyntheticCaptureGenerator.generate(capture, 20_000, 7);
        AtomicReference<Runnable> drawn = new AtomicReference<>();
        MainViewModel vm = new MainViewModel(fxThread, drawn::set);
        vm.firstRowsMaxWaitMillis = 60_000; // a slow machine must not see the bound instead of the gate
        vm.open(capture);
        fxThread.runUntil(() -> !vm.sessionList().allRows().isEmpty());
        long framesAtFirstRows = vm.framesProperty().get();
        // the loading threads are held while the window would draw these rows: no further batch, still loading
        Thread.sleep(500);
        fxThread.runPending();
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.framesProperty().get()).isEqualTo(framesAtFirstRows);
        assertThat(drawn.get()).isNotNull();
        drawn.get().run();
        fxThread.runUntilLoaded(vm);
        assertThat(vm.framesProperty().get()).isEqualTo(20_000);
        assertThat(vm.sessionList().allRows()).hasSize(vm.modelProperty().get().sip().sessions().size());
        vm.shutdown();
    }

    @Test
    void aWindowThatNeverDrawsDoesNotStallTheLoad() throws Exception {
        Path capture = tmp.resolve("synthetic.pcap");
        SyntheticCaptureGenerator.generate(capture, 20_000, 7);
        MainViewModel vm = new MainViewModel(fxThread, task -> { });
        vm.firstRowsMaxWaitMillis = 300;
        long start = System.nanoTime();
        vm.open(capture);
        fxThread.runUntilLoaded(vm);
        assertThat(vm.framesProperty().get()).isEqualTo(20_000);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300 * 1_000_000L);
        vm.shutdown();
    }

    @Test
    void aCancelWhileTheFirstRowsAreDrawnEndsTheLoadAtOnce() throws Exception {
        Path capture = tmp.resolve("synthetic.pcap");
        SyntheticCaptureGenerator.generate(capture, 20_000, 7);
        MainViewModel vm = new MainViewModel(fxThread, task -> { }); // a window that never draws
        vm.firstRowsMaxWaitMillis = 60_000;
        vm.open(capture);
        fxThread.runUntil(() -> !vm.sessionList().allRows().isEmpty());
        long start = System.nanoTime();
        vm.cancel();
        fxThread.runUntilLoaded(vm);
        assertThat(System.nanoTime() - start).isLessThan(10_000 * 1_000_000L);
        assertThat(vm.framesProperty().get()).isLessThan(20_000);
        vm.shutdown();
    }

    @Test
    void aNewerLoadDropsTheBatchesOfTheOlderOne() throws Exception {
        MainViewModel vm = new MainViewModel(fxThread);
        vm.open(Path.of("samples", "sip-call-udp.pcap"));
        vm.open(Path.of("samples", "sip-cancel-busy.pcap"));
        fxThread.runUntilLoaded(vm);
        Thread.sleep(200); // let the loader post anything late
        fxThread.runPending();
        assertThat(vm.fileProperty().get().getFileName().toString()).isEqualTo("sip-cancel-busy.pcap");
        assertThat(vm.sessionList().allRows()).hasSize(2);
        assertThat(vm.sessionList().allRows()).extracting(SessionRow::state).containsExactly("CANCELLED", "BUSY");
        vm.shutdown();
    }

    @Test
    void batchesArrivingWhileOneIsPendingAreMergedIntoIt() {
        Deque<Runnable> queue = new ArrayDeque<>();
        List<LoadBatch> applied = new java.util.ArrayList<>();
        BatchPublisher p = new BatchPublisher(7, queue::add, applied::add);
        SessionRow a = new SessionRow(0, 0, "", null, "", "", "", "", 0, -1, -1, -1, "", "", "", "a", List.of(), 0);
        SessionRow b = new SessionRow(1, 0, "", null, "", "", "", "", 0, -1, -1, -1, "", "", "", "b", List.of(), 0);
        p.publish(() -> List.of(a), 0.1, 10, 5);
        p.publish(() -> List.of(b), 0.2, 20, 9);
        assertThat(queue).hasSize(1);
        queue.poll().run();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).rows).containsExactly(a, b);
        assertThat(applied.get(0).frames).isEqualTo(20);
        assertThat(applied.get(0).sequence).isEqualTo(7);
        p.publish(() -> List.of(), 0.3, 30, 9);
        assertThat(queue).hasSize(1);
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt() throws Exception {
        Path bad = tmp.resolve("garbage.pcap");
        Files.writeString(bad, "not a capture");
        MainViewModel vm = new MainViewModel(fxThread);
        vm.open(bad);
        fxThread.runUntilLoaded(vm);
        LoadError error = vm.loadErrorProperty().get();
        assertThat(error).isNotNull();
        assertThat(error.file()).isEqualTo(bad);
        assertThat(error.message()).contains("garbage.pcap");
        assertThat(error.reason()).isNotBlank();
        assertThat(vm.recentFiles()).isEmpty();

        vm.open(tmp.resolve("missing.pcap"));
        fxThread.runUntilLoaded(vm);
        assertThat(vm.loadErrorProperty().get().file().getFileName().toString()).isEqualTo("missing.pcap");
        vm.shutdown();
    }
}
