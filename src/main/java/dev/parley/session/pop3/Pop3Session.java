package dev.parley.session.pop3;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One POP3 connection: who logged in and how, what the maildrop held, which mails were read and deleted, how far the
 * session got, and every command and reply in order (with frames and origins, so a view can draw a ladder and re-read
 * bytes). Built on the loading thread, read-only once the capture is loaded.
 */
public final class Pop3Session {
    int index;
    private final Flow flow;
    final List<Pop3Exchange> exchanges = new ArrayList<>();
    final List<Pop3Login> logins = new ArrayList<>();
    final List<String> capabilities = new ArrayList<>();
    final Map<Integer, long[]> sizes = new TreeMap<>(); // number -> {size}
    final Map<Integer, String> uids = new TreeMap<>();
    final java.util.Set<Integer> retrieved = new java.util.TreeSet<>();
    final java.util.Set<Integer> deleted = new java.util.TreeSet<>();
    final List<Mail> mails = new ArrayList<>();
    final List<Pop3StateChange> timeline = new ArrayList<>();
    final List<Anomaly> anomalies = new ArrayList<>();
    String greeting;
    String apopTimestamp;
    long maildropMessages = -1;
    long maildropOctets = -1;
    boolean quit;
    boolean committed;
    boolean encrypted;
    boolean ended;
    boolean closed;
    long firstNanos = -1;
    long lastNanos = -1;
    long firstFrame;
    long lastFrame;

    Pop3Session(Flow flow) {
        this.flow = flow;
    }

    /** 1-based position in the capture's POP3 session list (set once the list is made). */
    public int index() {
        return index;
    }

    /** The client-to-server flow. */
    public Flow flow() {
        return flow;
    }

    public Endpoint client() {
        return flow.src();
    }

    public Endpoint server() {
        return flow.dst();
    }

    /** The greeting's text after "+OK", or null when the capture has no greeting. */
    public String greeting() {
        return greeting;
    }

    /** The APOP timestamp of the greeting ("&lt;...@...&gt;"), or null. */
    public String apopTimestamp() {
        return apopTimestamp;
    }

    /** Every login attempt in order. */
    public List<Pop3Login> logins() {
        return Collections.unmodifiableList(logins);
    }

    /** The successful login, else the last attempt, else null. */
    public Pop3Login login() {
        for (Pop3Login l : logins) {
            if (l.succeeded()) {
                return l;
            }
        }
        return logins.isEmpty() ? null : logins.get(logins.size() - 1);
    }

    /** The user of {@link #login()}, or null. */
    public String user() {
        Pop3Login l = login();
        return l == null ? null : l.user();
    }

    /** CAPA lines (the last CAPA reply), e.g. "SASL PLAIN LOGIN". */
    public List<String> capabilities() {
        return Collections.unmodifiableList(capabilities);
    }

    /** Messages in the maildrop from STAT, -1 when no STAT was answered. */
    public long maildropMessages() {
        return maildropMessages;
    }

    /** Octets in the maildrop from STAT, -1 when no STAT was answered. */
    public long maildropOctets() {
        return maildropOctets;
    }

    /** The maildrop as seen through LIST, UIDL, RETR, TOP and DELE, by message number. */
    public List<MailboxEntry> mailbox() {
        java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>(sizes.keySet());
        numbers.addAll(uids.keySet());
        numbers.addAll(retrieved);
        numbers.addAll(deleted);
        List<MailboxEntry> out = new ArrayList<>(numbers.size());
        for (int n : numbers) {
            long[] size = sizes.get(n);
            out.add(new MailboxEntry(n, size == null ? -1 : size[0], uids.get(n), retrieved.contains(n),
                    deleted.contains(n)));
        }
        return out;
    }

    /** Retrieved mails in the order they were received (RETR, and TOP as partial mails). */
    public List<Mail> mails() {
        return Collections.unmodifiableList(mails);
    }

    /** Message numbers marked deleted and not undone by RSET. */
    public java.util.Set<Integer> deleted() {
        return Collections.unmodifiableSet(deleted);
    }

    /** QUIT in TRANSACTION was answered: the server entered UPDATE. */
    public boolean reachedUpdate() {
        return currentState() == Pop3State.UPDATE;
    }

    /** The deletions were committed: QUIT +OK in TRANSACTION. */
    public boolean deletionsCommitted() {
        return committed;
    }

    /** QUIT was answered (in any state). */
    public boolean quit() {
        return quit;
    }

    /** STLS succeeded: the rest of the connection was TLS and was not read. */
    public boolean encrypted() {
        return encrypted;
    }

    /** The session ended without QUIT being answered and not by switching to TLS. */
    public boolean cutOff() {
        return !quit && !encrypted;
    }

    /** Both TCP directions were closed (FIN/RST) in the capture; false when the capture ended first. */
    public boolean closed() {
        return closed;
    }

    /** The state the session was last in, null when nothing said (no greeting, no reply). */
    public Pop3State currentState() {
        return timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).state();
    }

    /** Each state entered, in order, with the frame of the reply that caused it. */
    public List<Pop3StateChange> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    /** Greeting, commands with their replies (and SASL lines), in order. */
    public List<Pop3Exchange> exchanges() {
        return Collections.unmodifiableList(exchanges);
    }

    /** Commands sent (SASL continuation lines excluded). */
    public int commandCount() {
        int n = 0;
        for (Pop3Exchange e : exchanges) {
            n += e.command() != null ? 1 : 0;
        }
        return n;
    }

    /** Status lines received (greeting and unsolicited ones included). */
    public int replyCount() {
        int n = 0;
        for (Pop3Exchange e : exchanges) {
            n += e.reply() != null ? 1 : 0;
        }
        return n;
    }

    public List<Anomaly> anomalies() {
        return Collections.unmodifiableList(anomalies);
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    public long durationNanos() {
        return firstNanos < 0 ? -1 : lastNanos - firstNanos;
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long lastFrame() {
        return lastFrame;
    }

    /** A word for where the session ended: "UPDATE", "QUIT", "TLS", "CUT OFF" (with the state it was in). */
    public String outcome() {
        if (encrypted) {
            return "TLS";
        }
        if (reachedUpdate()) {
            return "UPDATE";
        }
        if (quit) {
            return "QUIT";
        }
        Pop3State s = currentState();
        return "CUT OFF" + (s == null ? "" : " (" + s + ")");
    }

    void touch(long frame, long nanos) {
        if (firstNanos < 0 || nanos < firstNanos) {
            firstNanos = nanos;
        }
        if (nanos > lastNanos) {
            lastNanos = nanos;
        }
        if (firstFrame == 0 || (frame > 0 && frame < firstFrame)) {
            firstFrame = frame;
        }
        lastFrame = Math.max(lastFrame, frame);
    }

    @Override
    public String toString() {
        return "Pop3Session[" + index + " " + flow + " user=" + user() + " " + outcome() + "]";
    }
}
