package dev.parley.view.export;

import dev.parley.capture.file.OriginReader;
import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderOptions;
import dev.parley.export.Diagram;
import dev.parley.export.DiagramExporter;
import dev.parley.export.HtmlReportExporter;
import dev.parley.export.MailExporter;
import dev.parley.export.MessageBytes;
import dev.parley.export.MessageTextExporter;
import dev.parley.export.PacketExporter;
import dev.parley.export.Pop3TextExporter;
import dev.parley.export.Redactor;
import dev.parley.export.SessionColumn;
import dev.parley.export.SessionListExporter;
import dev.parley.export.SessionsDiagram;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.view.MainViewModel;
import dev.parley.view.sessions.SessionRow;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the desktop exports: takes what the window shows on the FX thread (selected sessions, the ladder's options,
 * the selected message, the visible rows and columns), writes the file on a worker thread, and reports progress and
 * the result in the status bar, or an {@link ExportError} naming the file and the reason. A file is written under a
 * temporary name and moved into place at the end, so a failed export never leaves half a file. Holds no Node.
 */
public final class ExportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final MainViewModel main;
    private final Consumer<Runnable> fxThread;
    private final Executor worker;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<ExportError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final Map<ExportSubject, BooleanBinding> available = new EnumMap<>(ExportSubject.class);
    private final BooleanBinding mails;
    private Supplier<List<SessionColumn>> listColumns = () -> ListColumns.DEFAULT;
    private Path lastFolder;
    private int pending;

    /** Exports on a daemon worker thread; results come back through {@code Platform.runLater}. */
    public ExportViewModel(MainViewModel main) {
        this(main, Platform::runLater, worker());
    }

    /**
     * @param fxThread how to run a task on the FX thread
     * @param worker   where the files are written
     */
    public ExportViewModel(MainViewModel main, Consumer<Runnable> fxThread, Executor worker) {
        this.main = main;
        this.fxThread = fxThread;
        this.worker = worker;
        BooleanBinding sessions = Bindings.createBooleanBinding(
                () -> main.modelProperty().get() != null && (!main.sessionList().selectedSessions().isEmpty()
                        || !main.sessionList().selectedPop3Sessions().isEmpty()),
                main.modelProperty(), main.sessionList().selectedSessions(),
                main.sessionList().selectedPop3Sessions());
        mails = Bindings.createBooleanBinding(() -> main.modelProperty().get() != null
                        && !MailExporter.mails(main.sessionList().selectedPop3Sessions()).isEmpty(),
                main.modelProperty(), main.sessionList().selectedPop3Sessions());
        for (ExportSubject s : ExportSubject.values()) {
            if (s.ofSessions()) {
                available.put(s, sessions);
            }
        }
        available.put(ExportSubject.MESSAGE, Bindings.createBooleanBinding(() -> selectedMessage() != null,
                main.modelProperty(), main.ladder().selectedArrowProperty()));
        available.put(ExportSubject.LIST, Bindings.createBooleanBinding(
                () -> main.modelProperty().get() != null && !main.sessionList().rows().isEmpty(),
                main.modelProperty(), main.sessionList().rows()));
    }

    private static Executor worker() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "parley-export");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Which session list columns a list export writes (the view passes the table's visible columns, in order). */
    public void setListColumns(Supplier<List<SessionColumn>> columns) {
        this.listColumns = Objects.requireNonNull(columns);
    }

    /** True when the window has something to export for the subject (a loaded capture with a selection...). */
    public BooleanBinding availableProperty(ExportSubject subject) {
        return available.get(subject);
    }

    /** True when the selection holds POP3 sessions that retrieved mails (RETR or TOP answered). */
    public BooleanBinding mailsAvailableProperty() {
        return mails;
    }

    /** True while an export is being written. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last export that failed, null once another starts; the view shows it in a dialog. */
    public ReadOnlyObjectProperty<ExportError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Where the file chooser starts: the folder of the last export (else the capture's), and a name from the Call-ID
     * of the (first) selected session, the capture's name for the list, with the format's extension.
     */
    public Path suggestedFile(ExportFormat format) {
        Path folder = lastFolder;
        CaptureModel model = main.modelProperty().get();
        if (folder == null && model != null) {
            folder = model.file().toAbsolutePath().getParent();
        }
        if (folder == null) {
            folder = Path.of(System.getProperty("user.home", "."));
        }
        return folder.resolve(suggestedName(format));
    }

    String suggestedName(ExportFormat format) {
        String base;
        List<SipSession> selected = main.sessionList().selectedSessions();
        CaptureModel model = main.modelProperty().get();
        if (format.subject() == ExportSubject.LIST) {
            base = model == null ? "sessions" : FileNames.captureBase(model.file().getFileName().toString())
                    + "-sessions";
        } else if (format.subject() == ExportSubject.MESSAGE) {
            SipMessageRef m = selectedMessage();
            SipSession owner = m == null ? null : ownerOf(m, selected);
            base = (owner == null ? "message" : owner.callId()) + (m == null ? "" : "-frame" + m.frame());
        } else if (selected.isEmpty() && !main.sessionList().selectedPop3Sessions().isEmpty()) {
            List<Pop3Session> pop3 = main.sessionList().selectedPop3Sessions();
            base = pop3Base(pop3);
        } else if (selected.isEmpty()) {
            base = "export";
        } else {
            base = selected.get(0).callId() + (selected.size() > 1 ? "-and-" + (selected.size() - 1) + "-more" : "");
        }
        String suffix = format == ExportFormat.DIAGRAM_TEXT ? "-ladder"
                : format == ExportFormat.MESSAGES_TEXT ? "-messages" : "";
        return FileNames.sanitise(base) + suffix + "." + format.extension();
    }

    private static String pop3Base(List<Pop3Session> pop3) {
        return "pop3-session-" + pop3.get(0).index() + (pop3.size() > 1 ? "-and-" + (pop3.size() - 1) + "-more" : "");
    }

    /** Where the folder chooser of a mail export starts: a new folder named after the session, next to the last export. */
    public Path suggestedMailFolder() {
        Path file = suggestedFile(ExportFormat.SVG);
        List<Pop3Session> pop3 = main.sessionList().selectedPop3Sessions();
        return file.resolveSibling(FileNames.sanitise(pop3.isEmpty() ? "mails" : pop3Base(pop3) + "-mails"));
    }

    /**
     * Writes the mails of the selected POP3 sessions into a folder (created when missing), one byte-exact .eml per
     * mail; FX thread. The future completes on the FX thread with a summary ("4 mails") or the failure.
     */
    public CompletableFuture<String> exportMails(Path folder) {
        CompletableFuture<String> done = new CompletableFuture<>();
        CaptureModel model = main.modelProperty().get();
        List<Pop3Session> pop3 = List.copyOf(main.sessionList().selectedPop3Sessions());
        if (model == null || MailExporter.mails(pop3).isEmpty()) {
            fail(folder, model == null ? "no capture is loaded" : "the selection holds no retrieved mail",
                    new IllegalStateException("nothing to export"), done);
            return done;
        }
        Path capture = model.file();
        int sessionCount = model.pop3().sessions().size();
        error.set(null);
        pending++;
        running.set(true);
        main.setStatus("Exporting mails into " + folder.getFileName() + "\u2026");
        worker.execute(() -> {
            String summary;
            try (OriginReader reader = new OriginReader(capture)) {
                if (Files.exists(folder) && !Files.isDirectory(folder)) {
                    throw new FileSystemException(folder.toString(), null, "it is a file, not a folder");
                }
                int n = MailExporter.writeAll(pop3, sessionCount, reader, folder).size();
                summary = n + (n == 1 ? " mail" : " mails");
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                String reason = reason(e);
                LOG.info("mail export to {} failed: {}", folder, reason);
                fxThread.accept(() -> finished(() -> fail(folder, reason, e, done)));
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.error("mail export to {} failed", folder, e);
                String reason = e instanceof OutOfMemoryError ? "not enough memory" : "internal error: " + e;
                fxThread.accept(() -> finished(() -> fail(folder, reason, e, done)));
                return;
            }
            fxThread.accept(() -> finished(() -> {
                lastFolder = folder.toAbsolutePath();
                main.setStatus("Exported " + summary + " into " + folder.getFileName());
                done.complete(summary);
            }));
        });
        return done;
    }

    /** The file as chosen, with the format's extension added when the name has none (GTK's chooser adds none). */
    public static Path withExtension(Path file, ExportFormat format) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? file : file.resolveSibling(name + "." + format.extension());
    }

    /**
     * Starts an export of what the window shows now; FX thread. The future completes on the FX thread, after the
     * status bar and {@link #errorProperty()} are updated, with a summary ("1 session, 7 messages") or the failure.
     */
    public CompletableFuture<String> export(ExportOptions options, Path target) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Job job;
        try {
            job = snapshot(options, target);
        } catch (IllegalStateException e) {
            fail(target, e.getMessage(), e, done);
            return done;
        }
        error.set(null);
        pending++;
        running.set(true);
        main.setStatus("Exporting " + target.getFileName() + "\u2026");
        worker.execute(() -> {
            String summary;
            try {
                summary = write(job);
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                String reason = reason(e);
                LOG.info("export to {} failed: {}", target, reason);
                fxThread.accept(() -> finished(() -> fail(target, reason, e, done)));
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.error("export to {} failed", target, e);
                String reason = e instanceof OutOfMemoryError ? "not enough memory" : "internal error: " + e;
                fxThread.accept(() -> finished(() -> fail(target, reason, e, done)));
                return;
            }
            fxThread.accept(() -> finished(() -> {
                lastFolder = target.toAbsolutePath().getParent();
                main.setStatus("Exported " + target.getFileName() + " (" + summary + ")");
                done.complete(summary);
            }));
        });
        return done;
    }

    private void finished(Runnable then) {
        pending--;
        running.set(pending > 0);
        then.run();
    }

    private void fail(Path target, String reason, Throwable cause, CompletableFuture<String> done) {
        main.setStatus("Export failed: " + target.getFileName());
        error.set(new ExportError(target, reason));
        done.completeExceptionally(cause);
    }

    /** What an export needs, copied on the FX thread so the worker never reads the view models. */
    private record Job(ExportOptions options, Path target, Path capture, List<SipSession> sessions,
                       List<Pop3Session> pop3, SipMessageRef message, LadderOptions ladder,
                       List<SessionColumn> columns) {
    }

    private Job snapshot(ExportOptions options, Path target) {
        CaptureModel model = main.modelProperty().get();
        if (model == null) {
            throw new IllegalStateException("no capture is loaded");
        }
        ExportSubject subject = options.format().subject();
        List<SipSession> sessions;
        List<Pop3Session> pop3 = List.of();
        SipMessageRef message = null;
        List<SessionColumn> columns = List.of();
        if (subject == ExportSubject.LIST) {
            sessions = visibleSessions(model);
            columns = List.copyOf(listColumns.get());
            if (columns.isEmpty()) {
                throw new IllegalStateException("the session list shows no column to export");
            }
        } else if (subject == ExportSubject.MESSAGE) {
            message = selectedMessage();
            if (message == null) {
                throw new IllegalStateException("no message is selected in the ladder");
            }
            sessions = List.of();
        } else {
            sessions = List.copyOf(main.sessionList().selectedSessions());
            pop3 = List.copyOf(main.sessionList().selectedPop3Sessions());
            if (sessions.isEmpty() && pop3.isEmpty()) {
                throw new IllegalStateException("no session is selected");
            }
        }
        // the screen's column options, so the file shows the columns the ladder shows
        LadderOptions ladder = new LadderOptions(main.naming().mergePortsProperty().get(),
                new LinkedHashMap<>(main.naming().endpointAliases()));
        return new Job(options, target, model.file(), sessions, pop3, message, ladder, columns);
    }

    /** Sessions of the rows the list shows (filtered), in its sort order. */
    private List<SipSession> visibleSessions(CaptureModel model) {
        List<SipSession> all = model.sip().sessions();
        List<SipSession> out = new ArrayList<>(main.sessionList().rows().size());
        for (SessionRow r : main.sessionList().rows()) {
            if (r.index() < all.size() && all.get(r.index()).callId().equals(r.callId())) {
                out.add(all.get(r.index()));
            }
        }
        return out;
    }

    private SipMessageRef selectedMessage() {
        LadderArrow arrow = main.ladder().getSelectedArrow();
        return main.modelProperty().get() == null || arrow == null ? null : arrow.message();
    }

    private static SipSession ownerOf(SipMessageRef m, List<SipSession> sessions) {
        for (SipSession s : sessions) {
            if (s.messages().contains(m)) {
                return s;
            }
        }
        return sessions.isEmpty() ? null : sessions.get(0);
    }

    /** Writes the file next to the target under a temporary name, then moves it into place; worker thread. */
    private static String write(Job job) throws IOException {
        Path target = job.target().toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(String.valueOf(folder), null, "the folder does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "it is a folder");
        }
        Path part = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try (OriginReader reader = new OriginReader(job.capture())) {
            String summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
                summary = write(job, MessageBytes.from(reader), out);
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return summary;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String write(Job job, Function<SipMessageRef, byte[]> bytes, OutputStream out)
            throws IOException {
        ExportOptions o = job.options();
        Redactor redactor = Redactor.of(o.redact());
        List<SipSession> sessions = job.sessions();
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        switch (o.format().subject()) {
            case PACKETS -> {
                PacketExporter.Result r = PacketExporter.export(job.capture(), sessions, job.pop3(),
                        o.format() == ExportFormat.PCAP ? PacketExporter.Container.PCAP
                                : PacketExporter.Container.PCAPNG, o.rtp(), bytes, out);
                String kind = job.pop3().isEmpty() ? " SIP" : sessions.isEmpty() ? " POP3" : " SIP and POP3";
                return r.frames() + " frames: " + r.signallingFrames() + kind
                        + (o.rtp() ? ", " + r.mediaFrames() + " RTP/RTCP" : "");
            }
            case LIST -> {
                List<SessionSummary> rows = new ArrayList<>(sessions.size());
                for (SipSession s : sessions) {
                    rows.add(SessionSummary.of(rows.size() + 1, s));
                }
                if (o.format() == ExportFormat.CSV) {
                    SessionListExporter.csv(rows, job.columns(), redactor, text);
                } else {
                    SessionListExporter.json(rows, job.columns(), redactor, text);
                }
                text.flush();
                return rows.size() + (rows.size() == 1 ? " row, " : " rows, ") + job.columns().size() + " columns";
            }
            case MESSAGE -> {
                byte[] b = bytes.apply(job.message());
                if (b == null) {
                    throw new IOException("the message's bytes cannot be read from the capture");
                }
                String s = new String(b, StandardCharsets.UTF_8).replace("\r\n", "\n");
                text.write(redactor.message(s));
                text.flush();
                return job.message().label() + ", frame " + job.message().frame();
            }
            case MESSAGES -> {
                MessageTextExporter.write(sessions, bytes, redactor, text);
                Pop3TextExporter.write(job.pop3(), false, redactor, text);
                text.flush();
                return SessionsDiagram.counted(sessions, job.pop3());
            }
            default -> {
                // POP3 passwords stay masked: revealing them is a deliberate act in the session panel, not an export
                boolean legend = o.legend() || o.format() == ExportFormat.HTML;
                Diagram diagram = SessionsDiagram.build(sessions, job.pop3(), job.ladder(), bytes, false, redactor,
                        legend);
                if (o.format() == ExportFormat.HTML) {
                    HtmlReportExporter.write(sessions, job.pop3(), false, diagram, bytes, redactor, text);
                    text.flush();
                } else {
                    DiagramExporter.export(diagram, o.format().diagram(), o.scale(), out);
                }
                return SessionsDiagram.counted(sessions, job.pop3());
            }
        }
    }

    /** The failure in the user's words: what the file system said, or the exporter's own message. */
    static String reason(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (t instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
