package dev.parley.cli;

import dev.parley.session.CaptureModel;
import dev.parley.session.LoadProgress;
import dev.parley.session.SessionSummary;
import dev.parley.session.sip.CallState;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipRegistration;
import dev.parley.session.sip.SipSession;
import dev.parley.session.sip.SipCorrelator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Prints a summary line per session once it is over (a call ended, a registration answered), while a live capture
 * runs; what is still open is printed at the end. Runs on the correlating thread, the one allowed to read sessions.
 */
final class SessionPrinter implements LoadProgress {
    private static final String FORMAT = "%4s  %-23s  %-9s  %-18s  %-18s  %-12s  %4s  %8s  %6s  %4s  %-5s  %-45s  %s%n";

    private final PrintStream out;
    private final List<SipSession> pending = new ArrayList<>();
    private int seen;
    private long droppedBefore;
    private int printed;

    SessionPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void progress(long position, long size, long frames, SipCorrelator sip) {
        collect(sip);
        boolean any = false;
        for (Iterator<SipSession> it = pending.iterator(); it.hasNext(); ) {
            SipSession s = it.next();
            if (over(s)) {
                print(s);
                it.remove();
                any = true;
            }
        }
        if (any) {
            out.flush();
        }
    }

    /** Prints what never completed, once the capture stopped. */
    void finish(CaptureModel model) {
        if (model != null) {
            collect(model.sip());
        }
        pending.forEach(this::print);
        pending.clear();
        out.flush();
    }

    int printed() {
        return printed;
    }

    private void collect(SipCorrelator sip) {
        List<SipSession> all = sip.sessions();
        long dropped = sip.statistics().droppedSessions();
        int start = (int) Math.max(0, seen - (dropped - droppedBefore)); // evicted sessions shift the list
        droppedBefore = dropped;
        for (int i = start; i < all.size(); i++) {
            pending.add(all.get(i));
        }
        seen = all.size();
    }

    static boolean over(SipSession s) {
        List<SipMessageRef> msgs = s.messages();
        if (msgs.isEmpty()) {
            return false;
        }
        SipMessageRef last = msgs.get(msgs.size() - 1);
        SipCall call = s.call();
        if (call != null) {
            CallState state = call.state();
            return state.isTerminal() && (state != CallState.COMPLETED || last.isFinal());
        }
        SipRegistration reg = s.registration();
        return reg != null && last.isFinal() && last.statusCode() != 401 && last.statusCode() != 407;
    }

    private void print(SipSession s) {
        if (printed == 0) {
            out.printf(FORMAT, "#", "start (UTC)", "method", "from", "to", "state", "msgs", "duration", "pdd", "last",
                    "via", "source -> destination", "call-id");
        }
        SessionSummary r = SessionSummary.of(++printed, s);
        out.printf(FORMAT, r.index(), Format.time(r.startNanos()), Format.orDash(r.method()), clip(r.from(), 18),
                clip(r.to(), 18), Format.orDash(r.state()), r.messages(), Format.seconds(r.durationNanos()),
                Format.seconds(r.postDialDelayNanos()), r.lastStatus() < 0 ? "-" : r.lastStatus(), r.transport(),
                clip(r.source() + " -> " + r.destination(), 45), r.callId());
    }

    private static String clip(String s, int width) {
        s = Format.orDash(s);
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
