package dev.parley.cli;

import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One session's messages in order, with times and deltas, then its timings: {@code tshark -z flow} for one call. */
@Command(name = "show", description = "Show one call's messages in order with times, and its timings.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @Option(names = "--call", required = true, paramLabel = "CALL-ID", description = "the Call-ID to show")
    String callId;

    @Override
    public Integer call() throws Exception {
        CaptureModel model = new CaptureLoader().load(file);
        SipSession s = model.sip().session(callId);
        if (s == null) {
            System.err.println("parley: no session with Call-ID " + callId + " in " + file);
            return 1;
        }
        print(s, System.out);
        return 0;
    }

    static void print(SipSession s, PrintStream out) {
        SessionSummary sum = SessionSummary.of(1, s);
        out.printf("Call-ID  %s%nkind     %s  %s -> %s  state %s%n", s.callId(), sum.kind(),
                Format.orDash(s.caller()), Format.orDash(s.callee()), sum.state());
        out.printf("start    %s UTC%n%n", Format.time(s.firstNanos()));
        out.printf("%6s  %10s  %9s  %-22s     %-22s  %-24s %s%n", "frame", "time", "delta", "source", "destination",
                "message", "cseq");
        long prev = -1;
        for (SipMessageRef m : s.messages()) {
            long rel = m.timestampNanos() - s.firstNanos();
            long delta = prev < 0 ? 0 : m.timestampNanos() - prev;
            prev = m.timestampNanos();
            String label = m.label() + (m.sdp() ? " (SDP)" : "") + (m.resent() ? " [resent]" : "");
            out.printf(Locale.ROOT, "%6d  %10.6f  %9.6f  %-22s --> %-22s  %-24s %d %s%n", m.frame(), rel / 1e9,
                    delta / 1e9, m.flow().src(), m.flow().dst(), label, m.cseq(), m.cseqMethod());
        }
        SipCall c = s.call();
        if (c != null) {
            out.println();
            out.printf("post-dial delay  %s s (INVITE to first 18x)%n", Format.seconds(c.postDialDelayNanos()));
            out.printf("setup time       %s s (INVITE to 2xx)%n", Format.seconds(c.setupTimeNanos()));
            out.printf("duration         %s s (answer to end)%n", Format.seconds(c.durationNanos()));
            out.printf("ended by         %s: %s%s%n", c.endedBy().name().toLowerCase(Locale.ROOT),
                    Format.orDash(c.endReason()), c.reasonHeader() == null ? "" : " (Reason: " + c.reasonHeader() + ")");
            out.print("states           ");
            for (SipCall.StateChange sc : c.timeline()) {
                out.printf(Locale.ROOT, "%s @%.3f  ", sc.state().displayName(), (sc.timestampNanos() - c.startNanos()) / 1e9);
            }
            out.println();
        }
    }
}
