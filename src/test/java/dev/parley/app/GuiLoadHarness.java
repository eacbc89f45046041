package dev.parley.app;

import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import dev.parley.view.sessions.SessionRow;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Measures opening a big capture in the real window (not a unit test; run under Xvfb):
 * <pre>
 *   DISPLAY=:99 java -Xmx1g -cp DIR/test-classes:DIR/classes:$(cat cp.txt) dev.parley.app.HarnessLauncher FILE
 * </pre>
 * Prints the time until the first rows are in the table and drawn, the total load time, the longest gap between two
 * rendered frames in three phases: while loading; while the loaded window settles (the final rows and the first
 * session's ladder, call flow and message detail are shown, {@value #SETTLE_MILLIS} ms); and while scrolling the
 * whole list (at least a page per frame, the whole list in about 1000 frames). Then the peak heap (sum of the heap
 * pools' peak usage, after loading and scrolling), and exits. With {@code -Dharness.openAfterMillis=N} the window
 * first shows the bundled sample and opens FILE N ms later, as a user does in a running window (JavaFX's own start-up
 * work, JIT compiles included, is then mostly done); the times are counted from that open.
 */
public final class GuiLoadHarness extends Application {
    /** How long after loading the harness waits before scrolling, as a user looks at the loaded window first. */
    static final long SETTLE_MILLIS = 1_000;

    private static final long OPEN_AFTER_MILLIS = Long.getLong("harness.openAfterMillis", 0);

    private long openedAt;
    private boolean opened;
    private long firstRowsAt = -1;
    private long loadedAt = -1;
    private long lastFrame = -1;
    private long worstGapLoading;
    private long worstGapSettling;
    private long worstGapScrolling;
    private int scrollIndex = -1;
    private long scrollStart;
    private int frames;

    public static void main(String[] args) {
        HarnessLauncher.main(args);
    }

    @Override
    public void start(Stage stage) {
        Path file = Path.of(getParameters().getRaw().get(0));
        Parley parley = new Parley(new AppPreferences(Preferences.userRoot().node("dev/parley/harness")));
        openedAt = System.nanoTime();
        MainView view = parley.show(stage, OPEN_AFTER_MILLIS > 0 ? null : file);
        System.out.printf("window built and shown in %,d ms%s%n", (System.nanoTime() - openedAt) / 1_000_000,
                OPEN_AFTER_MILLIS > 0 ? "" : " (loading starts now)");
        MainViewModel vm = parley.viewModel();
        if (OPEN_AFTER_MILLIS > 0) {
            PauseTransition wait = new PauseTransition(Duration.millis(OPEN_AFTER_MILLIS));
            wait.setOnFinished(e -> {
                System.out.printf("opening %s now%n", file.getFileName());
                openedAt = System.nanoTime();
                opened = true;
                vm.open(file);
            });
            wait.play();
        } else {
            opened = true;
        }
        TableView<SessionRow> table = view.sessionList().table();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!opened) {
                    return; // the bundled sample meanwhile
                }
                long t = System.nanoTime();
                long gap = lastFrame < 0 ? 0 : t - lastFrame;
                lastFrame = t;
                if (gap > 80_000_000L) {
                    System.out.printf("  gap %,d ms at %,d ms after opening, JVM uptime %.3f s (%s, frame %d)%n",
                            gap / 1_000_000, (t - openedAt) / 1_000_000,
                            ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                            loadedAt < 0 ? "loading" : frames == 0 ? "settling" : "scrolling", frames);
                }
                if (firstRowsAt < 0 && !table.getItems().isEmpty()) {
                    firstRowsAt = t; // rows are in the table; this pulse draws them
                }
                if (loadedAt < 0) {
                    worstGapLoading = Math.max(worstGapLoading, gap);
                    if (!vm.loadingProperty().get() && vm.modelProperty().get() != null) {
                        loadedAt = t;
                        scrollIndex = 0;
                        scrollStart = t;
                    }
                    return;
                }
                if (scrollIndex >= 0 && t - loadedAt < SETTLE_MILLIS * 1_000_000L) {
                    worstGapSettling = Math.max(worstGapSettling, gap);
                    scrollStart = t;
                    return;
                }
                if (scrollIndex >= 0) {
                    worstGapScrolling = Math.max(worstGapScrolling, gap);
                    frames++;
                    if (frames % 100 == 0) {
                        System.out.printf("  scrolled to row %,d after %,d ms (worst gap so far %,d ms)%n",
                                scrollIndex, (t - scrollStart) / 1_000_000, worstGapScrolling / 1_000_000);
                    }
                    // at least a page per frame (every frame shows all-new rows), the list in about 1000 frames
                    scrollIndex += Math.max(40, table.getItems().size() / 1000);
                    if (scrollIndex < table.getItems().size()) {
                        table.scrollTo(scrollIndex);
                    } else {
                        stop();
                        report(table.getItems().size(), t);
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    private void report(int rows, long scrollEnd) {
        System.gc();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += gc.getCollectionTime();
        }
        System.out.printf("rows                 %,d%n", rows);
        System.out.printf("first rows in table %,d ms after the window began to be built (the log says after open())%n",
                (firstRowsAt - openedAt) / 1_000_000);
        System.out.printf("loaded               %,d ms after opening%n", (loadedAt - openedAt) / 1_000_000);
        System.out.printf("worst frame gap      %,d ms while loading%n", worstGapLoading / 1_000_000);
        System.out.printf("worst frame gap      %,d ms showing the loaded window (%,d ms)%n",
                worstGapSettling / 1_000_000, SETTLE_MILLIS);
        System.out.printf("scrolled all rows    %,d frames in %,d ms, worst frame gap %,d ms%n", frames,
                (scrollEnd - scrollStart) / 1_000_000, worstGapScrolling / 1_000_000);
        System.out.printf("heap peak (pools)    %,d MB; used after GC %,d MB; max %,d MB; GC time %,d ms%n",
                peak >> 20, used >> 20, Runtime.getRuntime().maxMemory() >> 20, gcMillis);
    }
}

/** Starts the harness from a class that is not an Application (JavaFX on the class path). */
final class HarnessLauncher {
    private HarnessLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(GuiLoadHarness.class, args);
    }
}
