package dev.parley.cli;

import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Builds the full session model of a capture and reports elapsed time, frames per second and peak memory. The
 * figure to compare with {@code tshark -q -z sip,stat} on the same file; process RSS comes from /proc (Linux).
 */
@Command(name = "bench", description = "Load a capture fully and print elapsed time, frames/s and peak memory.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @Option(names = "--runs", description = "loads in a row; the last is reported (default ${DEFAULT-VALUE})")
    int runs = 1;

    @Option(names = "--model-heap", description = "also measure the model's live heap (a full GC after the timing, "
            + "which adds to the process's run time)")
    boolean modelHeap;

    @Option(names = "--hold", hidden = true, description = "seconds to wait after loading (for a heap histogram)")
    int holdSeconds;

    @Override
    public Integer call() throws Exception {
        CaptureModel model = null;
        long elapsed = 0;
        long cpu = 0;
        long readerCpu = 0;
        long correlatingCpu = -1;
        long gc = 0;
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long gc0 = gcMillis();
            long cpu0 = processCpuNanos();
            long reader0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CaptureLoader loader = new CaptureLoader();
            model = null; // the previous run's model would otherwise fill the heap during this one
            model = loader.load(file);
            elapsed = System.nanoTime() - t0;
            correlatingCpu = loader.correlatingCpuNanos();
            readerCpu = threads.getCurrentThreadCpuTime() - reader0;
            cpu = processCpuNanos() - cpu0;
            gc = gcMillis() - gc0;
        }
        var stats = model.sip().statistics();
        double seconds = elapsed / 1e9;
        System.out.printf(Locale.ROOT, "file            %s (%d bytes)%n", file, Files.size(file));
        System.out.printf(Locale.ROOT, "frames          %d%n", model.frames());
        System.out.printf(Locale.ROOT, "sip messages    %d (%d resent), call-ids %d, sessions %d%n",
                stats.messages(), stats.resent(), stats.callIds(), model.sip().sessions().size());
        System.out.printf(Locale.ROOT, "anomalies       %d%n", model.anomalies().total());
        System.out.printf(Locale.ROOT, "elapsed         %.3f s (model build, JVM start excluded)%n", seconds);
        System.out.printf(Locale.ROOT, "frames/s        %.0f%n", model.frames() / seconds);
        // CPU times tell where the time went even on a busy machine, where elapsed time does not
        System.out.printf(Locale.ROOT, "cpu             %.3f s process, %.3f s reading thread, %.3f s correlating "
                + "thread, %.3f s in GC pauses%n", cpu / 1e9, readerCpu / 1e9, correlatingCpu / 1e9, gc / 1e3);
        System.out.printf(Locale.ROOT, "peak heap       %.1f MiB%n", peakHeapBytes() / 1048576.0);
        if (modelHeap) {
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf(Locale.ROOT, "model heap      %.1f MiB (live after a full GC, model still referenced)%n",
                    heap.getUsed() / 1048576.0);
        }
        long rss = ProcStatus.kib("VmHWM");
        System.out.printf(Locale.ROOT, "peak RSS        %s%n", rss < 0 ? "n/a" : String.format(Locale.ROOT,
                "%.1f MiB", rss / 1024.0));
        Thread.sleep(holdSeconds * 1000L);
        java.lang.ref.Reference.reachabilityFence(model);
        return 0;
    }

    private static long gcMillis() {
        long sum = 0;
        for (var gcBean : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gcBean.getCollectionTime());
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
