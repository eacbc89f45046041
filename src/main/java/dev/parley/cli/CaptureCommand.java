package dev.parley.cli;

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
import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Headless live capture: frames go to the spool and through the usual loading path; each session is printed when it
 * completes; the capture is written on exit, Ctrl+C included (a shutdown hook stops, saves and reports).
 */
@Command(name = "capture", description = "Capture live on network interfaces, printing SIP sessions as they complete.")
final class CaptureCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_CAPTURE = 3;

    @Option(names = "--list", description = "list the interfaces and exit")
    boolean list;
    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "interface to capture on (repeatable)")
    List<String> interfaces = new ArrayList<>();
    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", description = "BPF capture filter, e.g. \"udp port 5060\"")
    String filter = "";
    @Option(names = {"-w", "--write"}, paramLabel = "FILE", description = "write the capture here on exit (.pcap for "
            + "pcap, else pcapng)")
    Path file;
    @Option(names = "--duration", paramLabel = "S", description = "stop after S seconds (default: Ctrl+C)")
    double durationSeconds;
    @Option(names = "--snaplen", paramLabel = "N", description = "bytes kept per packet (default ${DEFAULT-VALUE})")
    int snaplen = CaptureOptions.DEFAULT_SNAPLEN;
    @Option(names = "--no-promisc", description = "do not put the interfaces in promiscuous mode")
    boolean noPromisc;
    @Option(names = "--ring-size", paramLabel = "MB", description = "keep at most MB megabytes of spool (oldest dropped)")
    long ringMegabytes;
    @Option(names = "--ring-duration", paramLabel = "S", description = "keep only the last S seconds of spool")
    long ringSeconds;
    @Option(names = "--spool-dir", paramLabel = "DIR", description = "folder for the spool (default: the temp folder)")
    Path spoolDir;

    private final PrintStream out;
    private final PrintStream err;

    CaptureCommand() {
        this(System.out, System.err);
    }

    CaptureCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (list) {
            return listInterfaces();
        }
        if (interfaces.isEmpty()) {
            err.println("parley capture: choose an interface with -i (parley capture --list shows them)");
            return EXIT_USAGE;
        }
        CaptureOptions options = new CaptureOptions(interfaces, filter, snaplen, !noPromisc, spoolDir,
                new RingLimits(ringMegabytes << 20, ringSeconds > 0 ? Duration.ofSeconds(ringSeconds) : null));
        String problem = options.problem();
        Optional<String> badFilter = CaptureFilters.problem(filter, snaplen);
        if (!problem.isEmpty() || badFilter.isPresent()) {
            err.println("parley capture: " + (problem.isEmpty() ? badFilter.get() : problem));
            return EXIT_USAGE;
        }
        Privileges privileges = Privileges.current();
        if (!privileges.canCapture()) {
            err.println("parley capture: " + privileges.advice());
            return EXIT_CAPTURE;
        }
        LiveCapture live;
        try {
            live = LiveCapture.start(options);
        } catch (LiveCaptureException e) {
            err.println("parley capture: " + e.getMessage());
            return EXIT_CAPTURE;
        }
        return run(live);
    }

    private int run(LiveCapture live) throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS); // let the main thread stop, save and report
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parley-capture-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            err.println("Capturing on " + String.join(", ", live.options().interfaces())
                    + (live.options().filter().isEmpty() ? "" : " (filter: " + live.options().filter() + ")")
                    + "; spool " + live.spoolDirectory() + (durationSeconds > 0 ? "" : "; Ctrl+C stops"));
            SessionPrinter printer = new SessionPrinter(out);
            AtomicReference<CaptureModel> model = new AtomicReference<>();
            AtomicReference<Exception> loadFailure = new AtomicReference<>();
            Path spoolFile = live.spoolFiles().get(0);
            Thread loader = new Thread(() -> {
                try {
                    model.set(new CaptureLoader(Limits.DEFAULT, false).load(live.frames(), spoolFile, printer,
                            () -> false));
                } catch (IOException | RuntimeException e) {
                    loadFailure.set(e);
                }
            }, "parley-capture-loader");
            loader.start();
            if (durationSeconds > 0) {
                stopRequested.await((long) (durationSeconds * 1000), TimeUnit.MILLISECONDS);
            } else {
                while (!stopRequested.await(200, TimeUnit.MILLISECONDS) && live.running()) {
                    // until Ctrl+C, or the capture failing by itself
                }
            }
            live.stop();
            loader.join();
            if (loadFailure.get() != null) {
                err.println("parley capture: reading the spool failed: " + loadFailure.get().getMessage());
            } else {
                printer.finish(model.get());
            }
            return report(live, model.get());
        } finally {
            live.stop();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl+C): the hook is running
            }
        }
    }

    private int report(LiveCapture live, CaptureModel model) {
        CaptureStats stats = live.stats();
        int status = 0;
        if (live.failure() != null) {
            err.println("parley capture: " + live.failure());
            status = EXIT_CAPTURE;
        }
        String saved = "";
        if (file != null) {
            try {
                long n = live.save(file, SaveFormat.forFile(file.getFileName().toString()), null);
                saved = "; wrote " + n + " frames to " + file;
                live.discard();
            } catch (IOException e) {
                err.println("parley capture: cannot write " + file + ": " + e.getMessage() + "; the capture stays in "
                        + live.spoolDirectory());
                status = EXIT_CAPTURE;
            }
        } else {
            live.discard();
        }
        err.printf("Captured %.1f s: %d frames, %d SIP sessions; %s%s%n", live.elapsedSeconds(),
                model == null ? 0 : model.frames(), model == null ? 0 : model.sip().sessions().size(),
                stats.describe(), saved);
        if (stats.ring().any()) {
            err.println("The ring buffer dropped the oldest " + stats.ring().frames() + " frames ("
                    + stats.ring().files() + " spool files, up to " + Format.time(stats.ring().untilNanos())
                    + "); they are not in the saved file.");
        }
        err.flush();
        out.flush();
        return status;
    }

    private int listInterfaces() {
        List<LiveInterface> all;
        try {
            all = LiveInterfaces.list();
        } catch (LiveCaptureException e) {
            err.println("parley capture: " + e.getMessage());
            return EXIT_CAPTURE;
        }
        for (LiveInterface i : all) {
            out.println(i.label());
        }
        Privileges p = Privileges.current();
        if (!p.canCapture()) {
            err.println();
            err.println(p.advice());
        }
        return 0;
    }
}
