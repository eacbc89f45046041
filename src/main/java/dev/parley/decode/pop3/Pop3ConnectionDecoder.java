package dev.parley.decode.pop3;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolPlugin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Both directions of one POP3 connection: lines of the client are commands (or SASL responses while an AUTH is
 * open), lines of the server are replies, paired with the commands in order, so pipelined commands pair too. The RFC
 * 1939 state machine runs as each reply arrives (the state in which the server handled the command).
 *
 * <p>Lines are handled in capture order. The registry hands a server side over only once it is decided, which off
 * port 110 is after the client's first command: until the server side is open, client lines wait here and are then
 * merged with the server's first lines by frame number.
 */
final class Pop3ConnectionDecoder {
    private final long id;
    private final Limits limits;
    private final boolean keepBytes;
    private final AnomalySink anomalies;
    private final Pop3Listener listener;
    private final boolean wellKnownPort;

    private Flow client; // client-to-server flow, known from the first data
    private Side clientSide;
    private Side serverSide;
    private final ArrayDeque<Line> held = new ArrayDeque<>();

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private Pop3BodyBuilder body; // multi-line reply in progress, for pending.peekFirst()
    private Pop3State state;
    private boolean serverSpoke;
    private boolean encrypted;
    private boolean ended;
    private boolean serverGapped; // the next server line follows a hole
    private boolean clientGapped;

    Pop3ConnectionDecoder(long id, Flow first, Limits limits, boolean keepBytes, AnomalySink anomalies,
                          Pop3Listener listener) {
        this.id = id;
        this.limits = limits;
        this.keepBytes = keepBytes;
        this.anomalies = anomalies;
        this.listener = listener;
        this.wellKnownPort = Pop3Detector.wellKnown(first);
    }

    /** One direction as the registry sees it. */
    final class Side implements ProtocolPlugin.StreamDecoder {
        final Flow flow;
        final LineFramer framer = new LineFramer(limits.maxLineLength());
        boolean closed;
        boolean midstream; // the registry skipped bytes to the first line it recognised
        private final LineFramer.Sink sink = this::line;

        Side(Flow flow) {
            this.flow = flow;
        }

        boolean isClient() {
            return this == clientSide;
        }

        @Override
        public void data(Bytes data, Origin origin, long frame, long timestampNanos) {
            if (client == null) {
                decideRoles(this, data);
            }
            framer.data(data, origin, frame, timestampNanos, sink);
            if (!isClient()) {
                drainHeld(Long.MAX_VALUE); // everything the server sent before now has been read
            }
        }

        private void line(Line line) {
            if (isClient()) {
                clientLine(line);
            } else {
                serverLine(line);
            }
        }

        @Override
        public void gap(long missingBytes, long frame, long timestampNanos) {
            framer.gap();
            if (encrypted || client == null) {
                return;
            }
            report(Anomaly.warning("pop3.stream.gap", frame, missingBytes + " bytes missing from the "
                    + (isClient() ? "client" : "server") + " side of " + client + "; resynchronising on the next line"));
            if (isClient()) {
                clientGapped = true;
            } else {
                serverGapped = true;
                if (body != null) {
                    body.gap = true;
                }
            }
        }

        @Override
        public void close(long frame, long timestampNanos) {
            Line rest = framer.rest(frame, timestampNanos);
            if (rest != null) {
                line(rest);
            }
            closed = true;
            Side other = this == clientSide ? serverSide : clientSide;
            if (other != null && other.closed) {
                end(frame, timestampNanos, true);
            }
        }
    }

    /** A new direction; the registry opens each direction once per connection. */
    Side open(Flow flow, boolean midstream) {
        Side s = new Side(flow);
        s.midstream = midstream;
        if (client != null) {
            if (flow.equals(client)) {
                clientSide = s;
            } else {
                serverSide = s;
            }
        } else if (clientSide == null && serverSide == null) {
            clientSide = s; // provisional until the first data says which side this is
        } else {
            serverSide = s;
        }
        return s;
    }

    boolean ended() {
        return ended;
    }

    boolean sideClosed(Flow flow) {
        Side s = clientSide != null && clientSide.flow.equals(flow) ? clientSide
                : serverSide != null && serverSide.flow.equals(flow) ? serverSide : null;
        return s != null && s.closed;
    }

    /** Port 110 names the server; otherwise a side starting with a status line is the server, else the client. */
    private void decideRoles(Side s, Bytes first) {
        boolean server;
        if (s.flow.src().port() == Pop3Detector.PORT && s.flow.dst().port() != Pop3Detector.PORT) {
            server = true;
        } else if (s.flow.dst().port() == Pop3Detector.PORT && s.flow.src().port() != Pop3Detector.PORT) {
            server = false;
        } else {
            Pop3Status st = Pop3Lines.status(first);
            server = st == Pop3Status.OK || st == Pop3Status.ERR;
        }
        client = server ? s.flow.reversed() : s.flow;
        Side other = s == clientSide ? serverSide : clientSide;
        if (server) {
            serverSide = s;
            clientSide = other;
        } else {
            clientSide = s;
            serverSide = other;
        }
    }

    // ---- client lines ------------------------------------------------------------------------------------------

    private void clientLine(Line line) {
        if (encrypted) {
            return;
        }
        if (serverSide == null) {
            held.addLast(line.keep()); // the server side is not handed over yet: wait for its first lines
            if (held.size() > limits.maxPendingPop3()) {
                Line oldest = held.removeFirst();
                if (wellKnownPort) {
                    handleClientLine(oldest);
                }
            }
            return;
        }
        handleClientLine(line);
    }

    /** Client lines that waited for the server side and were sent before {@code frame}. */
    private void drainHeld(long beforeFrame) {
        while (!held.isEmpty() && held.peekFirst().frame() < beforeFrame) {
            handleClientLine(held.removeFirst());
        }
    }

    private void handleClientLine(Line line) {
        if (encrypted) {
            return;
        }
        boolean afterGap = clientGapped;
        clientGapped = false;
        if (!line.lineStart()) {
            return; // the rest of a cut line, or the tail of a line whose start was lost
        }
        if (line.eol() == 0 && line.content().length() >= limits.maxLineLength()) {
            report(Anomaly.warning("pop3.line.too_long", line.frame(), "client line longer than "
                    + limits.maxLineLength() + " bytes; the rest of it is ignored"));
        }
        Pending sasl = pending.peekLast();
        if (sasl != null && sasl.saslOpen) {
            sasl.sasl.add(new SaslStep(false, Pop3Lines.text(line.content()), line.frame(), line.timestampNanos(),
                    line.origin()));
            return;
        }
        Bytes c = line.content();
        int n = Pop3Lines.verbLength(c);
        if (n < 0) {
            if (!afterGap) {
                report(Anomaly.warning("pop3.line.garbage", line.frame(), "client line is not a POP3 command: "
                        + preview(c)));
            }
            return;
        }
        String verb = Pop3Lines.upper(c, n);
        String raw = c.slice(0, n).latin1();
        String argument = n + 1 <= c.length() ? Pop3Lines.text(c.slice(Math.min(n + 1, c.length()))) : "";
        Pop3Command cmd = new Pop3Command(verb, raw, argument, line.frame(), line.timestampNanos(), line.origin());
        if (!Pop3Verbs.known(verb)) {
            report(Anomaly.warning("pop3.command.unknown", line.frame(), "unknown POP3 command " + raw));
        } else if (!raw.equals(verb)) {
            report(Anomaly.note("pop3.command.lowercase", line.frame(), "command " + raw
                    + " not in upper case (RFC 1939 keywords are case-insensitive, but clients send upper case)"));
        }
        if (pending.size() >= limits.maxPendingPop3()) {
            Pending dropped = pending.removeFirst();
            if (dropped == bodyOwner()) {
                body = null;
            }
            report(Anomaly.warning("pop3.pending.overflow", line.frame(), "more than " + limits.maxPendingPop3()
                    + " commands without a reply; " + dropped.command.verb() + " is given up"));
            complete(dropped, null);
        }
        Pending p = new Pending(cmd);
        p.saslOpen = Pop3Verbs.saslExchange(verb, argument);
        pending.addLast(p);
    }

    private Pending bodyOwner() {
        return body == null ? null : pending.peekFirst();
    }

    // ---- server lines ------------------------------------------------------------------------------------------

    private void serverLine(Line line) {
        drainHeld(line.frame()); // client lines sent before this one come first
        if (encrypted) {
            return;
        }
        boolean afterGap = serverGapped;
        serverGapped = false;
        if (body != null) {
            if (bodyLine(line, afterGap)) {
                return;
            }
        }
        if (!line.lineStart()) {
            return;
        }
        Bytes c = line.content();
        Pop3Status status = Pop3Lines.status(c);
        if (status == null) {
            if (!afterGap) {
                report(Anomaly.warning("pop3.line.garbage", line.frame(), "server line is not a POP3 reply: "
                        + preview(c)));
            }
            return;
        }
        String text = Pop3Lines.statusText(c, status);
        if (status == Pop3Status.CONTINUATION) {
            Pending p = pending.peekLast();
            if (p != null && p.saslOpen) {
                p.sasl.add(new SaslStep(true, text, line.frame(), line.timestampNanos(), line.origin()));
            } else {
                report(Anomaly.warning("pop3.reply.unexpected_continuation", line.frame(),
                        "SASL continuation \"+ \" outside an AUTH exchange"));
            }
            return;
        }
        Pop3Reply reply = new Pop3Reply(status, text, line.frame(), line.timestampNanos(), line.origin(), null);
        boolean first = !serverSpoke;
        serverSpoke = true;
        if (pending.isEmpty()) {
            if (first && !serverSide.midstream) {
                state = Pop3State.AUTHORIZATION;
                listener.exchange(id, client, new Pop3Exchange(null, List.of(), reply, null, state, true));
            } else {
                if (!first) { // the first line after a mid-stream start answers a command the capture missed
                    report(Anomaly.warning("pop3.reply.unsolicited", line.frame(), "reply without a command: "
                            + status.wire() + " " + text));
                }
                listener.exchange(id, client, new Pop3Exchange(null, List.of(), reply, state, state, false));
            }
            return;
        }
        Pending head = pending.peekFirst();
        if (state == null) {
            // No greeting: the capture starts inside the session. Guess the state from the first command.
            state = Pop3Verbs.transactionOnly(head.command.verb()) ? Pop3State.TRANSACTION : Pop3State.AUTHORIZATION;
            report(Anomaly.note("pop3.greeting.missing", line.frame(), "no server greeting before "
                    + head.command.rawVerb() + ": the capture starts inside the session; state taken as " + state));
        }
        if (status == Pop3Status.OK && Pop3Verbs.multiLine(head.command.verb(), head.command.argument())) {
            head.reply = reply;
            body = new Pop3BodyBuilder(Pop3Verbs.mail(head.command.verb()), line.frame(), limits, keepBytes,
                    this::report);
            return;
        }
        pending.removeFirst();
        complete(head, reply);
    }

    /** A line while a multi-line reply is open; false when the line is not part of it (the reply was ended). */
    private boolean bodyLine(Line line, boolean afterGap) {
        Pending head = pending.peekFirst();
        if (!line.lineStart()) {
            body.add(line, false);
            return true;
        }
        if (line.isDot()) {
            body.terminated = true;
            body.lastFrame = line.frame();
            body.endNanos = line.timestampNanos();
            finishBody(head);
            return true;
        }
        Pop3Status s = Pop3Lines.status(line.content());
        if ((s == Pop3Status.OK || s == Pop3Status.ERR) && endsEarly(head, afterGap)) {
            report(Anomaly.warning("pop3.multiline.unterminated", line.frame(), head.command.verb()
                    + " reply has no \".\" line before the next status line; ended there"));
            finishBody(head);
            return false;
        }
        body.add(line, true);
        return true;
    }

    /**
     * A status line inside a multi-line reply ends it when the reply cannot hold one (a listing), after a hole,
     * or when the client already sent its next command after the last line of this reply: a client that does not
     * pipeline only does that once it saw the end.
     */
    private boolean endsEarly(Pending head, boolean afterGap) {
        if (!body.mail || body.gap || afterGap) {
            return true;
        }
        Iterator<Pending> it = pending.iterator();
        it.next();
        return it.hasNext() && it.next().command.frame() > body.lastFrame;
    }

    private void finishBody(Pending head) {
        Pop3BodyBuilder b = body;
        body = null;
        pending.removeFirst();
        Pop3Reply r = head.reply;
        complete(head, new Pop3Reply(r.status(), r.text(), r.frame(), r.timestampNanos(), r.origin(),
                b.build(r.timestampNanos())));
    }

    // ---- state machine -----------------------------------------------------------------------------------------

    private void complete(Pending p, Pop3Reply reply) {
        Pop3Command cmd = p.command;
        Pop3State before = state;
        String verb = cmd.verb();
        long frame = reply != null ? reply.frame() : cmd.frame();
        if (!Pop3Verbs.allowed(before, verb)) {
            report(Anomaly.warning("pop3.command.wrong_state", cmd.frame(), verb + " is not allowed in the "
                    + before + " state"));
        }
        if (reply != null && reply.status() == Pop3Status.ERR) {
            report(Anomaly.note("pop3.reply.error", reply.frame(), verb + " answered -ERR "
                    + reply.text()));
        }
        Pop3State after = before;
        if (reply != null) {
            boolean ok = reply.ok();
            if (before == Pop3State.AUTHORIZATION && ok
                    && (verb.equals("PASS") || verb.equals("APOP") || Pop3Verbs.saslExchange(verb, cmd.argument()))) {
                after = Pop3State.TRANSACTION;
            } else if (before == Pop3State.TRANSACTION && verb.equals("QUIT")) {
                after = Pop3State.UPDATE; // -ERR too: the server entered UPDATE but could not remove everything
            } else if (ok && verb.equals("STLS")) {
                after = Pop3State.ENCRYPTED;
            }
        }
        state = after;
        listener.exchange(id, client, new Pop3Exchange(cmd, p.sasl, reply, before, after, false));
        if (after == Pop3State.ENCRYPTED && !encrypted) {
            encrypted = true;
            report(Anomaly.note("pop3.stls.tls", frame, "STLS accepted: the rest of " + client
                    + " is TLS and is not read as POP3"));
            if (clientSide != null) {
                clientSide.framer.stop();
            }
            if (serverSide != null) {
                serverSide.framer.stop();
            }
            held.clear();
        }
    }

    /** The connection is over: both sides closed, or the capture ended. Unanswered commands end unanswered. */
    void end(long frame, long timestampNanos, boolean closed) {
        if (ended) {
            return;
        }
        ended = true;
        if (client == null) {
            return;
        }
        boolean confirmed = wellKnownPort || serverSpoke;
        if (!confirmed) {
            return; // never answered with a status line: not shown as POP3 (an FTP "USER" off port 110)
        }
        while (!held.isEmpty()) {
            handleClientLine(held.removeFirst());
        }
        if (body != null && !encrypted) {
            Pending head = pending.peekFirst();
            report(Anomaly.warning("pop3.multiline.cut_off", frame, head.command.verb()
                    + " reply ends with the connection, without its \".\" line"));
            finishBody(head);
        }
        while (!pending.isEmpty()) {
            Pending p = pending.removeFirst();
            if (!encrypted && !p.command.verb().equals("QUIT")) {
                report(Anomaly.note("pop3.command.unanswered", p.command.frame(), p.command.verb()
                        + " got no reply before the connection ended"));
            }
            complete(p, null);
        }
        listener.ended(id, client, new Pop3End(frame, timestampNanos, closed, encrypted));
    }

    private void report(Anomaly a) {
        anomalies.report(a);
        listener.anomaly(id, client, a);
    }

    private static String preview(Bytes b) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(b.length(), 40); i++) {
            int c = b.u8(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return sb.append(b.length() > 40 ? "...\"" : "\"").toString();
    }

    /** A command waiting for its reply. */
    private static final class Pending {
        final Pop3Command command;
        final List<SaslStep> sasl = new ArrayList<>(0);
        boolean saslOpen;
        Pop3Reply reply; // the status line of a multi-line reply in progress

        Pending(Pop3Command command) {
            this.command = command;
        }
    }
}
