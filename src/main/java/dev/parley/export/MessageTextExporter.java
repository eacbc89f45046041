package dev.parley.export;

import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The messages of some sessions as text, in capture order: a heading line per message (number, frame, time, flow,
 * label) then the message as it was on the wire, re-read through its origin, with line ends made '\n'.
 */
public final class MessageTextExporter {
    private MessageTextExporter() {
    }

    public static void write(List<SipSession> sessions, Function<SipMessageRef, byte[]> bytes, Redactor redactor,
                             Writer out) throws IOException {
        List<SipMessageRef> refs = messages(sessions);
        int n = 1;
        for (SipMessageRef m : refs) {
            out.write(heading(n++, m));
            out.write('\n');
            out.write(text(m, bytes, redactor));
            out.write("\n\n");
        }
        out.flush();
    }

    /** The messages of the sessions (each once) by time, ties in capture order, as the ladder orders its arrows. */
    static List<SipMessageRef> messages(List<SipSession> sessions) {
        List<SipMessageRef> refs = new ArrayList<>();
        java.util.Set<SipSession> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (SipSession s : sessions) {
            if (seen.add(s)) {
                refs.addAll(s.messages());
            }
        }
        refs.sort(Comparator.comparingLong(SipMessageRef::timestampNanos).thenComparingInt(SipMessageRef::index));
        return refs;
    }

    static String heading(int n, SipMessageRef m) {
        return "===== " + n + "  frame " + m.frame() + "  " + Instant.ofEpochSecond(0, m.timestampNanos()) + "  "
                + m.flow().transport() + " " + m.flow().src() + " -> " + m.flow().dst() + "  " + m.label()
                + (m.resent() ? "  (resent)" : "");
    }

    /** The message text, redacted; a message whose bytes cannot be had says so instead. */
    static String text(SipMessageRef m, Function<SipMessageRef, byte[]> bytes, Redactor redactor) {
        byte[] b = bytes.apply(m);
        if (b == null) {
            return "(message bytes not available)";
        }
        String s = new String(b, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return redactor.message(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    }
}
