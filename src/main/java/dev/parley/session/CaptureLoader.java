package dev.parley.session;

import dev.parley.capture.FrameSource;
import dev.parley.capture.FrameView;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.Limits;
import dev.parley.decode.ProtocolRegistry;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.pop3.Pop3Protocol;
import dev.parley.decode.sip.SipProtocol;
import dev.parley.decode.ws.WebSocketSipProtocol;
import dev.parley.session.pop3.Pop3Sessions;
import dev.parley.session.sip.SipCorrelator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a capture into a {@link CaptureModel}: frames -> network layers -> protocol registry -> SIP correlator
 * (on its own thread) and POP3 sessions (built on the loading thread: POP3 traffic is small).
 * The one load path for files (and later the live spool file).
 */
public final class CaptureLoader {
    /** Progress (and the views' batches) every so many frames; the first ones come sooner so lists fill at once. */
    private static final int PROGRESS_EVERY = 1 << 14;
    private static final int FIRST_PROGRESS = 1 << 9;
    /** Slow sources (a live capture) report at least this often; the clock is read every 256 frames only. */
    private static final long PROGRESS_NANOS = 250_000_000L;
    private static final int TIME_CHECK_MASK = 255;

    private final Limits limits;
    private final boolean keepBytes;
    private volatile long correlatingCpuNanos = -1;

    /** @param keepBytes keep message bytes in memory (tests, the CLI's show); views otherwise re-read them */
    public CaptureLoader(Limits limits, boolean keepBytes) {
        this.limits = limits;
        this.keepBytes = keepBytes;
    }

    public CaptureLoader() {
        this(Limits.DEFAULT, false);
    }

    /** CPU time of the last completed load's correlating thread (bench), -1 when unknown. */
    public long correlatingCpuNanos() {
        return correlatingCpuNanos;
    }

    public CaptureModel load(Path file) throws IOException {
        return load(file, LoadProgress.NONE, () -> false);
    }

    /**
     * Loads the whole capture, or until {@code cancelled} says so.
     *
     * @throws IOException when the file cannot be read at all (the message names the file and the reason);
     *                     anything wrong inside a readable capture is an anomaly in the model instead
     */
    public CaptureModel load(Path file, LoadProgress progress, BooleanSupplier cancelled) throws IOException {
        try (FrameSource source = CaptureFiles.open(file)) {
            // a compressed file's size is unknown until read: for the JIT advice its size on disk stands for it
            long size = source.size() >= 0 ? source.size() : Files.size(file) * CaptureFiles.GZIP_RATIO;
            return load(source, file.getFileName().toString(), file, size, progress, cancelled);
        }
    }

    /**
     * Loads frames from any source (the live spool) through the same path as files, until the source ends or
     * {@code cancelled} says so; the source is closed. Progress also comes at least every {@link #PROGRESS_NANOS}
     * of loading and whenever a growing source waits for frames, so live views follow the capture.
     *
     * @param file where the frames live, for the model (and re-reading messages); its name names the threads
     */
    public CaptureModel load(FrameSource frames, Path file, LoadProgress progress, BooleanSupplier cancelled)
            throws IOException {
        try (FrameSource source = frames) {
            return load(source, file.getFileName().toString(), file, source.size(), progress, cancelled);
        }
    }

    /** @param size the capture's size in bytes, or an estimate, -1 when unknown (growing): for the JIT advice */
    private CaptureModel load(FrameSource source, String name, Path file, long size, LoadProgress progress,
                              BooleanSupplier cancelled) throws IOException {
        JitAdvice.forCapture(size);
        AnomalyLog anomalies = new AnomalyLog();
        SipCorrelator sip;
        Pop3Sessions pop3 = new Pop3Sessions();
        long frames = 0;
        long first = 0;
        long last = 0;
        boolean complete = true;
        try (SipEventPipe pipe = new SipEventPipe(() -> new SipCorrelator(limits), progress, name)) {
            source.whenIdle(handedOut -> pipe.progress(source.position(), source.size(), handedOut));
            SipProtocol sipProtocol = new SipProtocol(limits, pipe, anomalies, keepBytes);
            // POP3 last: SIP datagrams match before it is asked, and it answers "no" to any datagram at once.
            Pop3Protocol pop3Protocol = new Pop3Protocol(limits, pop3, anomalies, keepBytes);
            ProtocolRegistry registry = new ProtocolRegistry(
                    List.of(sipProtocol, new WebSocketSipProtocol(sipProtocol, limits, anomalies), pop3Protocol),
                    anomalies);
            FrameDecoder decoder = new FrameDecoder(limits, registry, anomalies);
            long nextProgress = FIRST_PROGRESS;
            long lastProgress = System.nanoTime();
            FrameView f = new FrameView(); // refilled by each read: no object a frame (docs/DESIGN-NOTES.md note 41)
            while (source.next(f)) {
                if (frames == 0) {
                    first = f.timestampNanos();
                }
                last = f.timestampNanos();
                frames++;
                decoder.decode(f);
                if (frames == nextProgress || (frames & TIME_CHECK_MASK) == 0
                        && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                    lastProgress = System.nanoTime();
                    if (frames == nextProgress) {
                        nextProgress = frames < PROGRESS_EVERY ? frames * 2 : frames + PROGRESS_EVERY;
                    }
                    pipe.progress(source.position(), source.size(), frames);
                    if (cancelled.getAsBoolean()) {
                        complete = false;
                        break;
                    }
                }
            }
            decoder.finish();
            pop3Protocol.finish(frames, last);
            source.anomalies().forEach(anomalies::report);
            pipe.finish(source.position(), source.size(), frames);
            sip = pipe.correlator();
            correlatingCpuNanos = pipe.consumerCpuNanos();
        }
        return new CaptureModel(file, frames, first, last, sip, pop3, anomalies, complete);
    }
}
