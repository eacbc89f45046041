package dev.parley.capture.live;

import java.sql.Timestamp;
import java.util.concurrent.BlockingQueue;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.BpfProgram;

/**
 * One interface's capture thread: libpcap -> a copy of the packet -> the spool queue. It never waits on the queue:
 * a full queue counts a Parley drop, so the kernel buffer keeps draining whatever the rest of Parley does.
 */
final class InterfaceCapture implements Runnable {
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final int KERNEL_BUFFER = 32 << 20;
    private static final long STATS_EVERY_NANOS = 250_000_000L;

    private final int id;
    private final String name;
    private final PcapHandle handle;
    private final boolean nanos;
    private final BlockingQueue<CapturedPacket> queue;
    private volatile boolean running = true;
    private volatile long received;
    private volatile long parleyDrops;
    private volatile long kernelDrops;

    private InterfaceCapture(int id, String name, PcapHandle handle, boolean nanos,
                             BlockingQueue<CapturedPacket> queue) {
        this.id = id;
        this.name = name;
        this.handle = handle;
        this.nanos = nanos;
        this.queue = queue;
    }

    /** Opens and filters the interface now, so every problem is reported before anything starts. */
    static InterfaceCapture open(int id, String name, CaptureOptions options, BlockingQueue<CapturedPacket> queue)
            throws LiveCaptureException {
        PcapHandle handle;
        boolean nanos = true;
        try {
            handle = builder(name, options).timestampPrecision(PcapHandle.TimestampPrecision.NANO).build();
        } catch (PcapNativeException e) {
            nanos = false;
            try {
                handle = builder(name, options).build(); // libpcap without nanosecond time stamps
            } catch (PcapNativeException again) {
                throw new LiveCaptureException(openProblem(name, again.getMessage()), again);
            }
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new LiveCaptureException(NativePcap.MISSING, e);
        }
        try {
            if (!options.filter().isEmpty()) {
                BpfProgram program;
                try {
                    program = handle.compileFilter(options.filter(), BpfProgram.BpfCompileMode.OPTIMIZE,
                            PcapHandle.PCAP_NETMASK_UNKNOWN);
                } catch (PcapNativeException e) {
                    throw new LiveCaptureException(CaptureFilters.message(options.filter(), e.getMessage())
                            + " (on " + name + ")", e);
                }
                try {
                    handle.setFilter(program);
                } catch (PcapNativeException e) {
                    throw new LiveCaptureException("cannot set the capture filter on " + name + ": "
                            + e.getMessage(), e);
                } finally {
                    program.free();
                }
            }
        } catch (NotOpenException e) {
            throw new IllegalStateException(e);
        } catch (LiveCaptureException e) {
            handle.close();
            throw e;
        }
        return new InterfaceCapture(id, name, handle, nanos, queue);
    }

    private static PcapHandle.Builder builder(String name, CaptureOptions options) {
        return new PcapHandle.Builder(name).snaplen(options.snaplen())
                .promiscuousMode(options.promiscuous() ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                        : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(READ_TIMEOUT_MILLIS).bufferSize(KERNEL_BUFFER);
    }

    private static String openProblem(String name, String pcapError) {
        String e = pcapError == null ? "" : pcapError;
        if (e.contains("Operation not permitted") || e.contains("Permission denied")
                || e.contains("socket: Operation")) {
            return "cannot capture on " + name + ": " + e + "\n" + Privileges.current().advice();
        }
        if (e.contains("No such device") || e.contains("doesn't exist")) {
            return "no interface named \"" + name + "\" (parley capture --list shows them): " + e;
        }
        return "cannot capture on " + name + ": " + e;
    }

    SpoolInterface describe(int snaplen) {
        return new SpoolInterface(name, handle.getDlt().value(), snaplen);
    }

    @Override
    public void run() {
        long nextStats = System.nanoTime() + STATS_EVERY_NANOS;
        try {
            while (running) {
                byte[] data = handle.getNextRawPacket();
                if (data != null) {
                    received++;
                    Timestamp ts = handle.getTimestamp();
                    long when = ts.getTime() / 1000 * 1_000_000_000L + (nanos ? ts.getNanos()
                            : ts.getNanos() / 1000 * 1000);
                    Integer original = handle.getOriginalLength();
                    if (!queue.offer(new CapturedPacket(id, when, data, original == null ? data.length : original))) {
                        parleyDrops++;
                    }
                }
                if (data == null || (received & 1023) == 0) {
                    long now = System.nanoTime();
                    if (now >= nextStats) {
                        nextStats = now + STATS_EVERY_NANOS;
                        readStats();
                    }
                }
            }
            readStats();
        } catch (NotOpenException e) {
            // closed under us: stopping
        } finally {
            handle.close();
        }
    }

    private void readStats() throws NotOpenException {
        try {
            PcapStat stat = handle.getStats();
            kernelDrops = stat.getNumPacketsDropped() + stat.getNumPacketsDroppedByIf();
        } catch (PcapNativeException e) {
            // some interfaces have no statistics; the counter stays as it was
        }
    }

    /** Ends the loop; pcap_breakloop wakes a read waiting for packets (with TPACKET_V3 it may wait forever). */
    void stop() {
        running = false;
        try {
            if (handle.isOpen()) {
                handle.breakLoop();
            }
        } catch (NotOpenException e) {
            // closed already
        }
    }

    String name() {
        return name;
    }

    long received() {
        return received;
    }

    long parleyDrops() {
        return parleyDrops;
    }

    long kernelDrops() {
        return kernelDrops;
    }
}
