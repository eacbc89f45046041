package dev.parley.view;

import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.LoadProgress;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;

import dev.parley.view.callflow.CallFlowViewModel;
import dev.parley.view.ladder.LadderViewModel;
import dev.parley.view.message.MessageDetailViewModel;
import dev.parley.view.pop3.Pop3ViewModel;
import dev.parley.view.sessions.SessionListViewModel;
import dev.parley.view.sessions.SessionRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state and the one place a capture is loaded: loading runs on a worker thread and feeds the
 * session list in coalesced batches; a newer load (or close) makes older ones stale by sequence number, so their
 * batches are dropped. Once loaded, the selected sessions drive the ladder, the ladder's arrow drives the message
 * detail, and the single selected session drives the call flow ({@link SelectionViews}, shown when it is safe to read
 * the sessions); the ladder names its columns by {@link ColumnNaming}. FX thread only, except the loading task.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    public static final int MAX_RECENT = 10;
    private static final long LIVE_REFRESH_NANOS = 1_000_000_000L;

    private final SessionListViewModel sessionList = new SessionListViewModel();
    private final Consumer<Runnable> fxThread;
    /** Runs a task once the frame being prepared is laid out and handed to rendering; tests decide when. */
    private final Consumer<Runnable> afterNextFrameLaidOut;
    /** FX thread: the gate of the last file load (open once its first rows were drawn, or it ended or was dropped). */
    private FirstRowsGate firstRowsGate;
    /** How long a file load waits for its first rows to be drawn at most (tests make it longer or shorter). */
    long firstRowsMaxWaitMillis = FirstRowsGate.MAX_WAIT_MILLIS;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-loader");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sequence = new AtomicLong();
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private long openedAtNanos;
    private boolean firstRowsLogged;
    /** FX thread: a live capture is being correlated, so sessions may be read only during a live refresh. */
    private boolean liveCapture;
    private boolean applyingLiveRefresh;
    private boolean selectionPending;
    /** FX thread: the final rows are being applied; the selection they restore is shown a frame later. */
    private boolean applyingFinalRows;
    private boolean selectionDeferred;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(this, "frames");
    private final ReadOnlyLongWrapper sipMessages = new ReadOnlyLongWrapper(this, "sipMessages");
    private final ReadOnlyLongWrapper sessionCount = new ReadOnlyLongWrapper(this, "sessionCount");
    private final ReadOnlyLongWrapper anomalyCount = new ReadOnlyLongWrapper(this, "anomalyCount");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<LoadError> loadError = new ReadOnlyObjectWrapper<>(this, "loadError");
    private final ReadOnlyObjectWrapper<CaptureModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ObservableList<Anomaly> anomalies = FXCollections.observableArrayList();
    private final ObservableList<Anomaly> anomaliesView = FXCollections.unmodifiableObservableList(anomalies);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final SelectionViews views = new SelectionViews(sessionList, this::rebuildLadderWhenSafe);

    public MainViewModel() {
        this(Platform::runLater, FrameTicker::afterNextFrameLaidOut);
    }

    /** @param fxThread how to run a task on the FX thread (tests may run it inline) */
    public MainViewModel(Consumer<Runnable> fxThread) {
        this(fxThread, Runnable::run);
    }

    /** @param afterNextFrameLaidOut runs a task once the frame being prepared is laid out (tests decide when) */
    MainViewModel(Consumer<Runnable> fxThread, Consumer<Runnable> afterNextFrameLaidOut) {
        this.fxThread = fxThread;
        this.afterNextFrameLaidOut = afterNextFrameLaidOut;
        sessionList.selectedSessions().addListener((ListChangeListener<SipSession>) c -> showSelectionWhenSafe());
        sessionList.selectedPop3Sessions().addListener(
                (ListChangeListener<dev.parley.session.pop3.Pop3Session>) c -> showSelectionWhenSafe());
    }

    public SessionListViewModel sessionList() {
        return sessionList;
    }

    public LadderViewModel ladder() {
        return views.ladder;
    }

    public MessageDetailViewModel detail() {
        return views.detail;
    }

    public CallFlowViewModel callFlow() {
        return views.callFlow;
    }

    /** The POP3 session panel and mail viewer, active while a POP3 session (and no SIP one) is selected. */
    public Pop3ViewModel pop3() {
        return views.pop3;
    }

    /** Opens a capture, cancelling and dropping a load in progress. */
    public void open(Path capture) {
        long seq = sequence.incrementAndGet();
        cancelFlag.set(true);
        clearCapture();
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        file.set(capture);
        loadError.set(null);
        loading.set(true);
        progress.set(0);
        status.set("Loading " + capture.getFileName() + "\u2026");
        rememberRecent(capture);
        openedAtNanos = System.nanoTime();
        firstRowsLogged = false;
        FirstRowsGate gate = new FirstRowsGate(firstRowsMaxWaitMillis);
        firstRowsGate = gate;
        BatchPublisher publisher = new BatchPublisher(seq, fxThread, this::applyBatch);
        loader.execute(() -> load(seq, capture, cancelled, publisher, gate));
    }

    /**
     * Shows a live capture: {@code frames} (the growing spool) go through the same loading path as files, on a
     * thread of their own since they end only when the capture stops, and the session list fills as sessions come.
     * Message bytes are kept in memory (the ring buffer may delete spool files under the views).
     *
     * @param spoolFile the capture's first spool file (the model's file)
     * @param name      what the status bar says is being captured ("lo, eth0")
     */
    public void openLive(FrameSource frames, Path spoolFile, String name) {
        long seq = sequence.incrementAndGet();
        cancelFlag.set(true);
        clearCapture();
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        file.set(spoolFile);
        loadError.set(null);
        loading.set(true);
        progress.set(-1);
        status.set("Capturing on " + name + "\u2026");
        openedAtNanos = System.nanoTime();
        firstRowsLogged = false;
        liveCapture = true;
        BatchPublisher publisher = new BatchPublisher(seq, fxThread, this::applyBatch);
        Thread t = new Thread(() -> load(seq, spoolFile, cancelled, publisher,
                (p, c) -> new CaptureLoader(Limits.DEFAULT, true).load(frames, spoolFile, liveRefresh(seq, p, publisher),
                        c), null), "parley-live-loader");
        t.setDaemon(true);
        t.start();
    }

    /**
     * While capturing, rows change (states, counts) and the open ladder grows: about once a second the correlating
     * thread copies every row and hands them with the sessions to the FX thread, then waits until they are applied
     * (selection and ladder rebuilt), so the FX thread reads sessions while the correlator does not change them.
     * Only correlation waits; the capture and its spool never do.
     */
    private LoadProgress liveRefresh(long seq, LoadProgress base, BatchPublisher publisher) {
        long[] last = {System.nanoTime()};
        return (position, size, frameCount, sip) -> {
            base.progress(position, size, frameCount, sip);
            if (sequence.get() != seq || System.nanoTime() - last[0] < LIVE_REFRESH_NANOS) {
                return;
            }
            last[0] = System.nanoTime();
            List<SipSession> all = List.copyOf(sip.sessions());
            List<SessionRow> rows = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                rows.add(SessionRow.of(i, all.get(i)));
            }
            java.util.concurrent.CountDownLatch applied = new java.util.concurrent.CountDownLatch(1);
            publisher.after(() -> {
                applyingLiveRefresh = true;
                try {
                    if (sequence.get() == seq) {
                        sessionList.complete(rows, all);
                        if (selectionPending) {
                            selectionPending = false;
                            views.show();
                        }
                    }
                } finally {
                    applyingLiveRefresh = false;
                    applied.countDown();
                }
            });
            try {
                applied.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Stops the load in progress; what was read so far stays. */
    public void cancel() {
        cancelFlag.set(true);
        if (firstRowsGate != null) {
            firstRowsGate.open(); // the loading threads see the cancel at once
        }
    }

    /** Closes the capture (Ctrl+W): everything is cleared and a load in progress is dropped. */
    public void close() {
        sequence.incrementAndGet();
        cancelFlag.set(true);
        clearCapture();
        file.set(null);
        loading.set(false);
        progress.set(0);
        status.set("");
    }

    /** Stops the loading thread (application exit). */
    public void shutdown() {
        close();
        loader.shutdownNow();
    }

    /** The bytes of a message: kept by the loader, else re-read from the capture; null when unreadable. */
    public byte[] bytes(SipMessageRef ref) {
        return views.bytes(ref);
    }

    /** How a load reads its capture: a file, or a live spool. */
    @FunctionalInterface
    private interface Load {
        CaptureModel run(LoadProgress progress, BooleanSupplier cancelled) throws IOException;
    }

    private void load(long seq, Path capture, AtomicBoolean cancelled, BatchPublisher publisher, FirstRowsGate gate) {
        load(seq, capture, cancelled, publisher,
                (p, c) -> new CaptureLoader(Limits.DEFAULT, false).load(capture, p, c), gate);
    }

    /** @param gate held after the first rows are handed over until they are drawn; null: go straight on (live) */
    private void load(long seq, Path capture, AtomicBoolean cancelled, BatchPublisher publisher, Load how,
                      FirstRowsGate gate) {
        RowCopier copier = new RowCopier();
        BatchCadence cadence = new BatchCadence(System::nanoTime);
        LoadProgress onProgress = (position, size, frameCount, sip) -> {
            if (sequence.get() != seq || !cadence.due(copier.published() == 0)) {
                return; // a stale load, or a batch went out less than a period ago: its rows go with the next one
            }
            double fraction = size > 0 ? (double) position / size : -1;
            publisher.publish(() -> copier.newRows(sip), fraction, frameCount, sip.statistics().messages());
            if (gate != null && copier.published() > 0 && !gate.isOpen() && position < size) {
                // only a load with more to read waits; the correlating thread waits, the reader once the pipe is full
                gate.await();
                gate.open();
            }
        };
        try {
            CaptureModel loaded = how.run(onProgress, () -> cancelled.get() || sequence.get() != seq);
            if (sequence.get() != seq) {
                return;
            }
            LoadedCapture done = LoadedCapture.of(loaded);
            publisher.after(() -> complete(seq, done));
        } catch (IOException e) {
            publisher.after(() -> failed(seq, capture, e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("loading {} failed", capture, e);
            String reason = e instanceof OutOfMemoryError ? "not enough memory to load it" : "internal error: " + e;
            publisher.after(() -> failed(seq, capture, reason));
        }
    }

    private void applyBatch(LoadBatch batch) {
        if (batch.sequence != sequence.get()) {
            return; // a stale load
        }
        if (!batch.rows.isEmpty()) {
            sessionList.append(batch.rows);
            if (!firstRowsLogged) {
                firstRowsLogged = true;
                LOG.info("first {} sessions shown {} ms after opening", batch.rows.size(),
                        (System.nanoTime() - openedAtNanos) / 1_000_000);
                FirstRowsGate gate = firstRowsGate;
                if (gate != null) {
                    afterNextFrameLaidOut.accept(gate::open);
                }
            }
        }
        progress.set(batch.fraction);
        frames.set(batch.frames);
        sipMessages.set(batch.sipMessages);
        sessionCount.set(sessionList.allRows().size());
    }

    private void complete(long seq, LoadedCapture done) {
        if (seq != sequence.get()) {
            return;
        }
        CaptureModel loaded = done.model();
        long fxStart = System.nanoTime();
        liveCapture = false; // a stopped capture's sessions are complete: selections show at once again
        selectionPending = false;
        views.readFrom(loaded.file());
        applyingFinalRows = true;
        try {
            sessionList.complete(done.rows(), done.sessions(), done.pop3Sessions());
        } finally {
            applyingFinalRows = false;
        }
        model.set(loaded);
        frames.set(loaded.frames());
        sipMessages.set(loaded.sip().statistics().messages());
        sessionCount.set(done.rows().size()); // SIP and POP3
        anomalies.setAll(done.anomalies());
        anomalyCount.set(done.anomalyTotal());
        loading.set(false);
        progress.set(1);
        long ms = (System.nanoTime() - openedAtNanos) / 1_000_000;
        status.set(loaded.complete() ? "Loaded in " + ms / 1000.0 + " s" : "Loading cancelled: partial capture");
        LOG.info("{}: {} frames, {} sessions loaded in {} ms{}; final rows applied in {} ms", loaded.file().getFileName(),
                loaded.frames(), done.sessions().size(), ms, loaded.complete() ? "" : " (cancelled)",
                (System.nanoTime() - fxStart) / 1_000_000);
    }

    private void failed(long seq, Path capture, String reason) {
        if (seq != sequence.get()) {
            return;
        }
        liveCapture = false;
        loading.set(false);
        progress.set(0);
        recentFiles.remove(capture);
        status.set("Cannot open " + capture.getFileName());
        loadError.set(new LoadError(capture, reason == null ? "unreadable" : reason));
    }

    private void clearCapture() {
        if (firstRowsGate != null) {
            firstRowsGate.open(); // a dropped load must not wait for a frame
            firstRowsGate = null;
        }
        liveCapture = false;
        selectionPending = false;
        sessionList.clear();
        views.clear();
        model.set(null);
        anomalies.clear();
        frames.set(0);
        sipMessages.set(0);
        sessionCount.set(0);
        anomalyCount.set(0);
    }

    /**
     * While a live capture runs, the correlating thread keeps changing the sessions: the FX thread may only read them
     * during a live refresh, when correlation waits. A selection made in between is shown at the next refresh
     * (within a second); a file's sessions are complete and are shown at once.
     */
    private void showSelectionWhenSafe() {
        if (liveCapture && !applyingLiveRefresh) {
            selectionPending = true;
            return;
        }
        if (applyingFinalRows) {
            // a big list's final rows take a frame of their own: the ladder and detail of the selection are built in
            // a task posted twice over, behind the pulse that the rows requested meanwhile, instead of stretching
            // this frame (issue 3: no stalls while a big capture loads; design note 13)
            if (!selectionDeferred) {
                selectionDeferred = true;
                fxThread.accept(() -> fxThread.accept(() -> {
                    selectionDeferred = false;
                    views.show();
                }));
            }
            return;
        }
        views.show();
    }

    private void rebuildLadderWhenSafe() {
        if (liveCapture && !applyingLiveRefresh) {
            selectionPending = true;
            return;
        }
        views.rebuild();
    }

    private void rememberRecent(Path capture) {
        Path p = capture.toAbsolutePath().normalize();
        recentFiles.remove(p);
        recentFiles.add(0, p);
        if (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(MAX_RECENT, recentFiles.size());
        }
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** 0..1 while loading, -1 when the size is unknown (compressed input). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sipMessagesProperty() {
        return sipMessages.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sessionCountProperty() {
        return sessionCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty anomalyCountProperty() {
        return anomalyCount.getReadOnlyProperty();
    }

    /** The anomalies kept (the first {@code AnomalyLog.KEPT}), by frame. */
    public ObservableList<Anomaly> anomalies() {
        return anomaliesView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Shows a line in the status bar, e.g. an export's progress or result (replaced by the next load's). */
    public void setStatus(String text) {
        status.set(text == null ? "" : text);
    }

    /** Set when a capture could not be read at all; the view shows it in a dialog. */
    public ReadOnlyObjectProperty<LoadError> loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** The loaded capture, null while loading or when none. */
    public ReadOnlyObjectProperty<CaptureModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** Most recent first, at most {@link #MAX_RECENT}; the application persists it. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** How the ladder names its columns: merged ports and endpoint aliases. */
    public ColumnNaming naming() {
        return views.naming;
    }
}
