package dev.parley.view.capture;

import dev.parley.capture.live.CaptureFilters;
import dev.parley.capture.live.CaptureOptions;
import dev.parley.capture.live.CaptureStats;
import dev.parley.capture.live.LiveCapture;
import dev.parley.capture.live.LiveCaptureException;
import dev.parley.capture.live.LiveInterface;
import dev.parley.capture.live.LiveInterfaces;
import dev.parley.capture.live.Privileges;
import dev.parley.capture.live.RingLimits;
import dev.parley.capture.live.SaveFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the live-capture window. The form (interfaces, filter, snaplen, promiscuous, ring limits) is validated as
 * it is typed: the filter with libpcap's compiler, the privileges up front. Start hands the spool's frames to the
 * main window's loading path; counters are refreshed by {@link #refresh()} (the view calls it on a timer), so the
 * capture threads never touch the FX thread. FX thread only.
 */
public final class CaptureViewModel {
    private final LiveSink sink;
    private final ObservableList<LiveInterface> interfaces = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty snaplen = new SimpleStringProperty(this, "snaplen",
            Integer.toString(CaptureOptions.DEFAULT_SNAPLEN));
    private final BooleanProperty promiscuous = new SimpleBooleanProperty(this, "promiscuous", true);
    private final StringProperty ringMegabytes = new SimpleStringProperty(this, "ringMegabytes", "");
    private final StringProperty ringSeconds = new SimpleStringProperty(this, "ringSeconds", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper privilegeAdvice = new ReadOnlyStringWrapper(this, "privilegeAdvice", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyObjectWrapper<CaptureStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper(this, "counters", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private LiveCapture capture;
    private long savedFrames;

    public CaptureViewModel(LiveSink sink) {
        this.sink = sink;
        filter.addListener((o, a, b) -> validate());
        snaplen.addListener((o, a, b) -> validate());
        ringMegabytes.addListener((o, a, b) -> validate());
        ringSeconds.addListener((o, a, b) -> validate());
        chosen.addListener((javafx.collections.ListChangeListener<String>) c -> validate());
        privilegeAdvice.set(Privileges.current().advice());
        validate();
    }

    /** Lists the interfaces again (libpcap); a failure shows as the message. */
    public void reloadInterfaces() {
        try {
            interfaces.setAll(LiveInterfaces.list());
        } catch (LiveCaptureException e) {
            interfaces.clear();
            message.set(e.getMessage());
        }
    }

    /** Checks the form; the problem is "" when Start may go. */
    void validate() {
        problem.set(formProblem().orElse(""));
    }

    private Optional<String> formProblem() {
        if (chosen.isEmpty()) {
            return Optional.of("Choose at least one interface.");
        }
        Integer snap = number(snaplen.get());
        if (snap == null || snap < 1 || snap > CaptureOptions.DEFAULT_SNAPLEN) {
            return Optional.of("Snapshot length must be a number from 1 to " + CaptureOptions.DEFAULT_SNAPLEN + ".");
        }
        if (!ringMegabytes.get().isBlank() && number(ringMegabytes.get()) == null) {
            return Optional.of("Ring size must be a whole number of megabytes.");
        }
        if (!ringSeconds.get().isBlank() && number(ringSeconds.get()) == null) {
            return Optional.of("Ring duration must be a whole number of seconds.");
        }
        return CaptureFilters.problem(filter.get(), snap);
    }

    private static Integer number(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(t);
    }

    /** The options the form describes (valid only when {@link #problemProperty()} is empty). */
    CaptureOptions options() {
        Integer mb = number(ringMegabytes.get());
        Integer sec = number(ringSeconds.get());
        return new CaptureOptions(List.copyOf(chosen), filter.get(), number(snaplen.get()), promiscuous.get(), null,
                new RingLimits(mb == null ? 0 : (long) mb << 20, sec == null || sec == 0 ? null
                        : Duration.ofSeconds(sec)));
    }

    /**
     * Starts capturing with the form's options; a previous capture is discarded (the view asks first when it has
     * unsaved frames). A failure (permission, interface, filter) becomes the message; nothing is thrown.
     */
    public boolean start() {
        validate();
        if (!problem.get().isEmpty()) {
            message.set(problem.get());
            return false;
        }
        discard();
        try {
            capture = LiveCapture.start(options());
        } catch (LiveCaptureException e) {
            message.set(e.getMessage());
            return false;
        }
        savedFrames = 0;
        running.set(true);
        message.set("");
        sink.show(capture.frames(), capture.spoolFiles().get(0), String.join(", ", capture.options().interfaces()));
        refresh();
        return true;
    }

    /** Stops capturing; the frames stay in the spool for saving. */
    public void stop() {
        if (capture != null) {
            capture.stop();
        }
        running.set(false);
        refresh();
    }

    /** Stop, discard the frames, start again with the same form. */
    public boolean restart() {
        stop();
        return start();
    }

    /** Deletes the spool of the last capture (stopping it first). */
    public void discard() {
        if (capture != null) {
            capture.discard();
            capture = null;
        }
        running.set(false);
        unsaved.set(false);
        stats.set(null);
        counters.set("");
    }

    /**
     * Saves the capture's frames (those of {@code frames} only when given: the selected sessions).
     *
     * @return frames written
     */
    public long save(Path target, SaveFormat format, LongPredicate frames) throws IOException {
        if (capture == null) {
            throw new IOException("nothing captured yet");
        }
        long n = capture.save(target, format, frames);
        if (frames == null) {
            savedFrames = capture.spooledFrames();
        }
        message.set("Saved " + n + " frames to " + target.getFileName());
        refresh();
        return n;
    }

    /** Reads the counters of the running capture (the view calls this a few times a second). */
    public void refresh() {
        if (capture == null) {
            return;
        }
        CaptureStats s = capture.stats();
        stats.set(s);
        if (running.get() && !capture.running()) {
            running.set(false);
            if (capture.failure() != null) {
                message.set(capture.failure());
            }
        }
        unsaved.set(capture.spooledFrames() > savedFrames);
        StringBuilder sb = new StringBuilder();
        sb.append("Received ").append(s.received()).append("   Kernel drops ").append(s.kernelDrops())
                .append("   Parley drops ").append(s.parleyDrops()).append("   Spool ")
                .append(megabytes(s.spoolBytes())).append("   ")
                .append(Math.round(capture.elapsedSeconds())).append(" s");
        if (s.ring().any()) {
            sb.append("\nRing buffer dropped the oldest ").append(s.ring().frames()).append(" frames (")
                    .append(s.ring().files()).append(" spool files); they can no longer be saved.");
        }
        counters.set(sb.toString());
    }

    private static String megabytes(long bytes) {
        if (bytes < 1 << 20) {
            return (bytes + 1023) / 1024 + " KB";
        }
        long tenths = bytes * 10 / (1 << 20);
        return tenths / 10 + "." + tenths % 10 + " MB";
    }

    /** Selected-session saving: true when a capture exists. */
    public boolean hasCapture() {
        return capture != null;
    }

    /** Stops and deletes the spool (application exit, after asking about unsaved frames). */
    public void shutdown() {
        discard();
    }

    public ObservableList<LiveInterface> interfaces() {
        return interfaces;
    }

    /** Names of the interfaces to capture on, in the order chosen. */
    public ObservableList<String> chosenInterfaces() {
        return chosen;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty snaplenProperty() {
        return snaplen;
    }

    public BooleanProperty promiscuousProperty() {
        return promiscuous;
    }

    public StringProperty ringMegabytesProperty() {
        return ringMegabytes;
    }

    public StringProperty ringSecondsProperty() {
        return ringSeconds;
    }

    /** What keeps Start from going ("" when nothing). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "" when this process may capture, else what to do (setcap on the runtime). */
    public ReadOnlyStringProperty privilegeAdviceProperty() {
        return privilegeAdvice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True when captured frames were not saved: quitting or starting anew asks first. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CaptureStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** The counters as one line (plus a ring-buffer line when frames were dropped). */
    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /** The last error or confirmation for users. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Used by the view: frames of the selected sessions, from the main window. */
    static LongPredicate framesOf(Supplier<long[]> frames) {
        long[] sorted = frames.get().clone();
        java.util.Arrays.sort(sorted);
        return n -> java.util.Arrays.binarySearch(sorted, n) >= 0;
    }
}
