package dev.parley.cli;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.mime.MimeMessage;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3Reply;
import dev.parley.decode.pop3.SaslStep;
import dev.parley.decode.sip.SipParser;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
import dev.parley.session.auth.CheckResult;
import dev.parley.session.auth.DigestTarget;
import dev.parley.session.auth.SipDigestCheck;
import dev.parley.session.auth.Verdict;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.MailboxEntry;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.pop3.Pop3StateChange;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One session's messages in order, with times and deltas, then its timings: {@code tshark -z flow} for one call, or
 * for one POP3 session its commands and replies, login, mailbox and mails. Passwords are masked unless asked for.
 * With {@code --password P} each request of a call carrying digest credentials gets the verdict of P against them;
 * P itself is never printed.
 */
@Command(name = "show", description = "Show one call's messages in order with times, and its timings; or one POP3 "
        + "session (--pop3 N, N as in summary) with its commands, login, mailbox and mails.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--call", required = true, paramLabel = "CALL-ID", description = "the Call-ID to show")
        String callId;

        @Option(names = "--pop3", required = true, paramLabel = "N",
                description = "the POP3 session to show (1 = the first POP3 session of the capture)")
        Integer pop3;
    }

    @Option(names = "--show-passwords", description = "show POP3 passwords and SASL secrets instead of masking them")
    boolean showPasswords;

    @Option(names = {"--password", "--check-password"}, paramLabel = "P",
            description = "with --call: check P against each request's digest Authorization / Proxy-Authorization "
                    + "and print MATCH, MISMATCH or NOT CHECKABLE under it (P is never printed)")
    String password;

    @Override
    public Integer call() throws Exception {
        CaptureModel model = new CaptureLoader().load(file);
        if (which.pop3 != null) {
            var p = model.pop3().session(which.pop3);
            if (p == null) {
                System.err.println("parley: no POP3 session " + which.pop3 + " in " + file + " ("
                        + model.pop3().sessions().size() + " POP3 sessions)");
                return 1;
            }
            if (password != null) {
                System.err.println("parley: --password checks SIP digest credentials (with --call); ignored for --pop3");
            }
            try (var reader = new dev.parley.capture.file.OriginReader(file)) {
                Pop3Show.print(p, reader, showPasswords, System.out);
            }
            return 0;
        }
        String callId = which.callId;
        SipSession s = model.sip().session(callId);
        if (s == null) {
            System.err.println("parley: no session with Call-ID " + callId + " in " + file);
            return 1;
        }
        if (password == null) {
            print(s, null, null, System.out);
        } else {
            try (OriginReader reader = new OriginReader(file)) {
                print(s, reader, password, System.out);
            }
        }
        return 0;
    }

    /** The call's text; with a password (and a reader for the message bytes) the digest verdicts under requests. */
    static void print(SipSession s, OriginReader reader, String password, PrintStream out) throws IOException {
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
            if (password != null && m.request()) {
                String verdict = DigestVerdict.line(m.bytes() != null ? m.bytes() : reader.read(m.origin()), password);
                if (verdict != null) {
                    out.printf("%6s  %s%n", "", verdict);
                }
            }
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

    /** The verdict line of a password against one request's digest credentials, as {@code show --password} prints it. */
    static final class DigestVerdict {
        private DigestVerdict() {
        }

        /**
         * "password MATCH: user alice, realm parley.test, MD5, qop auth (Authorization)", or null when the request
         * carries no credentials. The credentials described are those SipDigestCheck.verifyRequest checks: the first
         * Authorization, else the first Proxy-Authorization.
         */
        static String line(byte[] request, String password) {
            DigestTarget target = DigestTarget.of(SipParser.parse(Bytes.of(request)));
            if (target == null) {
                return null;
            }
            CheckResult result = SipDigestCheck.verifyRequest(request, password);
            if (result.verdict() == Verdict.NOT_CHECKABLE) {
                return "password NOT CHECKABLE: " + result.reason() + " (" + target.header() + ")";
            }
            return "password " + result.verdict() + ": " + target.describe() + " (" + target.header() + ")";
        }
    }

    /** The text form of one POP3 session for {@code show --pop3 N}: a ladder in lines, then login, mailbox, mails. */
    static final class Pop3Show {
        static final String MASK = "********";

        private Pop3Show() {
        }

        static void print(Pop3Session s, OriginReader reader, boolean reveal, PrintStream out) throws IOException {
            out.printf("POP3 session %d  %s -> %s  %s%n", s.index(), s.client(), s.server(), s.outcome());
            out.printf("start    %s UTC   duration %s s%n", Format.time(s.firstNanos()), Format.seconds(s.durationNanos()));
            if (s.greeting() != null) {
                out.printf("greeting %s%n", s.greeting());
            }
            out.println();
            out.printf("%6s  %10s  %9s  %-3s  %s%n", "frame", "time", "reply in", "dir", "line");
            for (Pop3Exchange e : s.exchanges()) {
                if (e.command() != null) {
                    line(out, s, e.command().frame(), e.command().timestampNanos(), "C>S",
                            commandText(e, reveal), e.responseTimeNanos());
                }
                for (SaslStep st : e.sasl()) {
                    line(out, s, st.frame(), st.timestampNanos(), st.fromServer() ? "S>C" : "C>S",
                            (st.fromServer() ? "+ " + st.text() : (reveal || st.cancel() ? st.text() : MASK)) + "  (SASL)",
                            -1);
                }
                Pop3Reply r = e.reply();
                if (r != null) {
                    String text = r.status().wire() + (r.text().isEmpty() ? "" : " " + r.text());
                    if (r.body() != null) {
                        text += "  [" + r.body().lineCount() + " lines, " + r.body().octets() + " octets"
                                + (r.body().complete() ? "" : ", incomplete") + "]";
                    }
                    line(out, s, r.frame(), r.timestampNanos(), "S>C", (e.greeting() ? "(greeting) " : "") + text, -1);
                } else if (e.command() != null) {
                    out.printf("%6s  %10s  %9s  %-3s  %s%n", "", "", "", "", "(no reply)");
                }
            }
            out.println();
            out.print("states   ");
            for (Pop3StateChange c : s.timeline()) {
                out.printf(Locale.ROOT, "%s @%.3f (frame %d)  ", c.state(), (c.timestampNanos() - s.firstNanos()) / 1e9,
                        c.frame());
            }
            out.println();
            for (Pop3Login l : s.logins()) {
                out.printf("login    %s user %s: %s%s%n", l.method().displayName(), Format.orDash(l.user()), l.result(),
                        l.password() == null ? "" : " (password " + (reveal ? l.password() : MASK) + ")");
            }
            if (!s.capabilities().isEmpty()) {
                out.println("capa     " + String.join(", ", s.capabilities()));
            }
            if (s.maildropMessages() >= 0) {
                out.printf("maildrop %d messages, %d octets (STAT)%n", s.maildropMessages(), s.maildropOctets());
            }
            if (!s.mailbox().isEmpty()) {
                out.printf("%n%6s  %10s  %-24s  %s%n", "msg", "size", "uid", "");
                for (MailboxEntry m : s.mailbox()) {
                    out.printf("%6d  %10s  %-24s  %s%s%n", m.number(), m.size() < 0 ? "-" : Long.toString(m.size()),
                            Format.orDash(m.uid()), m.retrieved() ? "retrieved " : "", m.deleted() ? "deleted" : "");
                }
                out.println(s.deletionsCommitted() ? "deletions committed (QUIT in TRANSACTION)"
                        : s.deleted().isEmpty() ? "" : "deletions NOT committed (no QUIT +OK in TRANSACTION)");
            }
            if (!s.mails().isEmpty()) {
                out.println();
                out.println("mails");
                for (Mail m : s.mails()) {
                    MimeMessage mime = m.mime(reader);
                    out.printf("  #%d %s %d octets%s, frames %d-%d: %s  (from %s, %d attachments)%n", m.number(),
                            m.partial() ? "TOP " + m.topLines() : "RETR", m.size(), m.complete() ? "" : " INCOMPLETE",
                            m.frame(), m.lastFrame(), Format.orDash(mime.subject()), Format.orDash(mime.from()),
                            mime.attachments().size());
                }
            }
            if (!s.anomalies().isEmpty()) {
                out.println();
                out.println("anomalies");
                for (Anomaly a : s.anomalies()) {
                    out.println("  " + a);
                }
            }
        }

        private static void line(PrintStream out, Pop3Session s, long frame, long nanos, String dir, String text,
                                 long responseNanos) {
            out.printf(Locale.ROOT, "%6d  %10.6f  %9s  %-3s  %s%n", frame, (nanos - s.firstNanos()) / 1e9,
                    responseNanos < 0 ? "" : Format.seconds(responseNanos), dir, text);
        }

        /** The command line with secrets masked: PASS's argument, APOP's digest, an AUTH initial response. */
        private static String commandText(Pop3Exchange e, boolean reveal) {
            String verb = e.command().rawVerb();
            String arg = e.command().argument();
            if (!reveal) {
                String v = e.command().verb();
                if (v.equals("PASS")) {
                    arg = MASK;
                } else if (v.equals("APOP") || v.equals("AUTH")) {
                    String[] a = e.command().arguments();
                    arg = a.length > 1 ? a[0] + " " + MASK : arg;
                }
            }
            return arg.isEmpty() ? verb : verb + " " + arg;
        }
    }
}
