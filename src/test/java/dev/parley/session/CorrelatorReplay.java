package dev.parley.session;

import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Limits;
import dev.parley.decode.ProtocolRegistry;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipProtocol;
import dev.parley.session.sip.SipCorrelator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The correlator on its own, not a test: decodes a capture's SIP events once into memory, then feeds them to fresh
 * correlators, round after round, on one thread, and prints each round's thread CPU time. The first round is what a
 * load's correlating thread does cold; later ones show it warm. Thread CPU time varies far less than a load's wall
 * time on a shared machine, so this is the place to judge a change to the correlator (docs/DESIGN-NOTES.md note 20).
 * Like a big load, it keeps the correlator out of C2 ({@link JitAdvice}) unless run with {@code -Dparley.jit=default}.
 *
 * <pre>
 *   java -Xmx3g -cp target/test-classes:target/parley.jar dev.parley.session.CorrelatorReplay FILE [ROUNDS]
 * </pre>
 */
public final class CorrelatorReplay {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CorrelatorReplay() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<SipEvent> events = events(file);
        System.out.printf("%d SIP events%n", events.size());
        if (!"default".equals(System.getProperty("parley.jit"))) {
            System.out.println("correlator kept out of C2: " + JitAdvice.apply());
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            SipCorrelator correlator = new SipCorrelator(Limits.DEFAULT);
            for (SipEvent e : events) {
                correlator.accept(e);
            }
            correlator.finish();
            System.out.printf("round %d: %.3f s CPU, %d sessions%n", r + 1,
                    (CPU.getCurrentThreadCpuTime() - t0) / 1e9, correlator.sessions().size());
        }
    }

    /** Every SIP event of the capture, decoded as a load decodes them (message bytes not kept). */
    private static List<SipEvent> events(Path file) throws IOException {
        List<SipEvent> events = new ArrayList<>();
        SipProtocol sip = new SipProtocol(Limits.DEFAULT, events::add, AnomalySink.IGNORE, false);
        FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT,
                new ProtocolRegistry(List.of(sip), AnomalySink.IGNORE), AnomalySink.IGNORE);
        try (FrameSource source = CaptureFiles.open(file)) {
            decoder.decodeAll(source);
        }
        return events;
    }
}
