package dev.parley.capture.live;

import dev.parley.capture.FrameSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running (or stopped) live capture: one thread per interface reads libpcap into a queue, one writer thread
 * appends the packets to a pcapng spool (DESIGN.md decision 3), and any number of readers tail the spool through
 * {@link #frames()} into the usual loading path. Nothing between libpcap and the disk waits on a view. The spool
 * stays after {@link #stop()} (saving is a copy of it) until {@link #discard()}.
 */
public final class LiveCapture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCapture.class);
    /** Packets waiting for the writer; beyond this they are counted as Parley drops. */
    static final int QUEUE = 1 << 16;
    private static final int DRAIN = 8192;

    private final CaptureOptions options;
    private final Spool spool;
    private final List<InterfaceCapture> captures;
    private final List<SpoolInterface> interfaces;
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<CapturedPacket> queue;
    private final Thread writerThread;
    private final long startedNanos = System.nanoTime();
    private volatile boolean stopping;
    private volatile String failure;
    private volatile long written;
    private volatile long stoppedNanos;

    private LiveCapture(CaptureOptions options, Spool spool, List<InterfaceCapture> captures,
                        List<SpoolInterface> interfaces, BlockingQueue<CapturedPacket> queue, SpoolWriter writer) {
        this.options = options;
        this.spool = spool;
        this.captures = captures;
        this.interfaces = interfaces;
        this.queue = queue;
        this.writerThread = new Thread(() -> writeLoop(writer), "parley-spool-writer");
        writerThread.setDaemon(true);
        writerThread.setPriority(Thread.MAX_PRIORITY);
    }

    /**
     * Checks privileges, opens every interface with its filter, then starts capturing.
     *
     * @throws LiveCaptureException with a message for users when anything is wrong; nothing is left running
     */
    public static LiveCapture start(CaptureOptions options) throws LiveCaptureException {
        String problem = options.problem();
        if (!problem.isEmpty()) {
            throw new LiveCaptureException(problem);
        }
        Privileges privileges = Privileges.current();
        if (!privileges.canCapture()) {
            throw new LiveCaptureException(privileges.advice());
        }
        BlockingQueue<CapturedPacket> queue = new ArrayBlockingQueue<>(QUEUE);
        List<InterfaceCapture> captures = new ArrayList<>();
        Path dir = null;
        try {
            for (String name : options.interfaces()) {
                captures.add(InterfaceCapture.open(captures.size(), name, options, queue));
            }
            List<SpoolInterface> interfaces = new ArrayList<>();
            for (InterfaceCapture c : captures) {
                interfaces.add(c.describe(options.snaplen()));
            }
            Path root = options.spoolRoot() != null ? options.spoolRoot() : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(root);
            dir = Files.createTempDirectory(root, "parley-capture-");
            Spool spool = new Spool(dir);
            SpoolWriter writer = new SpoolWriter(spool, interfaces, options.ring());
            LiveCapture live = new LiveCapture(options, spool, captures, List.copyOf(interfaces), queue, writer);
            live.begin();
            LOG.info("capturing on {} (filter \"{}\") into {}", options.interfaces(), options.filter(), dir);
            return live;
        } catch (LiveCaptureException e) {
            captures.forEach(InterfaceCapture::stop);
            closeHandles(captures);
            deleteQuietly(dir);
            throw e;
        } catch (IOException e) {
            closeHandles(captures);
            deleteQuietly(dir);
            throw new LiveCaptureException("cannot create the capture spool: " + e.getMessage(), e);
        }
    }

    private static void closeHandles(List<InterfaceCapture> captures) {
        for (InterfaceCapture c : captures) {
            c.stop();
            c.run(); // returns at once since stopped; closes the handle
        }
    }

    private void begin() {
        writerThread.start();
        for (InterfaceCapture c : captures) {
            Thread t = new Thread(c, "parley-capture-" + c.name());
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            threads.add(t);
            t.start();
        }
    }

    private void writeLoop(SpoolWriter writer) {
        try (writer) {
            while (true) {
                CapturedPacket p = queue.poll(50, TimeUnit.MILLISECONDS);
                if (p == null) {
                    writer.flush();
                    if (stopping && capturesEnded() && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                writer.write(p);
                for (int n = 0; n < DRAIN && (p = queue.poll()) != null; n++) {
                    writer.write(p);
                }
                writer.flush();
                written = writer.frames();
            }
            written = writer.frames();
        } catch (IOException e) {
            failure = "writing the capture spool failed: " + e.getMessage();
            LOG.error(failure, e);
            captures.forEach(InterfaceCapture::stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean capturesEnded() {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** A reader that follows the spool from its first frame until the capture stops; call once per consumer. */
    public FrameSource frames() {
        return new SpoolReader(spool, true);
    }

    /** Stops capturing and waits until every captured packet is in the spool. Idempotent. */
    public void stop() {
        if (stopping) {
            join(writerThread);
            return;
        }
        stopping = true;
        stoppedNanos = System.nanoTime();
        captures.forEach(InterfaceCapture::stop);
        threads.forEach(LiveCapture::join);
        join(writerThread);
        LOG.info("capture stopped: {}", stats().describe());
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return !stopping && writerThread.isAlive();
    }

    /** Why the capture stopped by itself (disk full...), null when it did not. */
    public String failure() {
        return failure;
    }

    public CaptureOptions options() {
        return options;
    }

    /** Seconds since the start, until the stop. */
    public double elapsedSeconds() {
        long end = stopping ? stoppedNanos : System.nanoTime();
        return (end - startedNanos) / 1e9;
    }

    public CaptureStats stats() {
        long received = 0;
        long kernel = 0;
        long parley = 0;
        for (InterfaceCapture c : captures) {
            received += c.received();
            kernel += c.kernelDrops();
            parley += c.parleyDrops();
        }
        return new CaptureStats(received, kernel, parley, written, spool.totalBytes(), spool.drops());
    }

    /** Frames in the spool now (written and not dropped by the ring). */
    public long spooledFrames() {
        return spool.totalFrames();
    }

    public Path spoolDirectory() {
        return spool.directory();
    }

    /** The spool files now, oldest first. */
    public List<Path> spoolFiles() {
        List<Path> out = new ArrayList<>();
        for (SpoolSegment s : spool.segments()) {
            out.add(s.path);
        }
        return out;
    }

    /**
     * Saves the frames the spool holds now (while capturing too).
     *
     * @param frames which frame numbers to keep, null for all
     * @return frames written
     */
    public long save(Path target, SaveFormat format, LongPredicate frames) throws IOException {
        return SpoolSaver.save(spool, interfaces, target, format, frames);
    }

    /** Stops and deletes the spool files. */
    public void discard() {
        stop();
        deleteQuietly(spool.directory());
    }

    /** Same as {@link #discard()}. */
    @Override
    public void close() {
        discard();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete the capture spool {}: {}", dir, e.getMessage());
        }
    }
}
