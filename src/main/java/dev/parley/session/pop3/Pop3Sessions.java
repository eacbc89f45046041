package dev.parley.session.pop3;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Flow;
import dev.parley.decode.pop3.Pop3Body;
import dev.parley.decode.pop3.Pop3Command;
import dev.parley.decode.pop3.Pop3End;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3Listener;
import dev.parley.decode.pop3.Pop3Reply;
import dev.parley.decode.pop3.Pop3State;
import dev.parley.decode.pop3.SaslStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The POP3 sessions of a capture, built from the decoder's exchanges as they come (one per TCP connection). Runs on
 * the loading thread; read {@link #sessions()} once loading is over.
 */
public final class Pop3Sessions implements Pop3Listener {
    private final Map<Long, Pop3Session> open = new HashMap<>();
    private final TreeMap<Long, Pop3Session> byConnection = new TreeMap<>();
    private final Map<Long, String> pendingUser = new HashMap<>();
    private List<Pop3Session> list;

    /** Sessions in the order their connections were found; indexes are 1-based positions in this list. */
    public synchronized List<Pop3Session> sessions() {
        if (list == null) {
            list = List.copyOf(byConnection.values());
            for (int i = 0; i < list.size(); i++) {
                list.get(i).index = i + 1;
            }
        }
        return list;
    }

    /** The session at a 1-based index, or null. */
    public Pop3Session session(int index) {
        List<Pop3Session> all = sessions();
        return index >= 1 && index <= all.size() ? all.get(index - 1) : null;
    }

    /** Every retrieved mail of every session, in session order. */
    public List<Mail> mails() {
        List<Mail> out = new ArrayList<>();
        for (Pop3Session s : sessions()) {
            out.addAll(s.mails());
        }
        return out;
    }

    public Pop3Statistics statistics() {
        Map<String, Long> verbs = new TreeMap<>();
        long requests = 0;
        long replies = 0;
        long mails = 0;
        for (Pop3Session s : sessions()) {
            for (Pop3Exchange e : s.exchanges()) {
                if (e.command() != null) {
                    requests++;
                    verbs.merge(e.command().verb(), 1L, Long::sum);
                }
                if (e.reply() != null) {
                    replies++;
                }
            }
            mails += s.mails().size();
        }
        return new Pop3Statistics(sessions().size(), Collections.unmodifiableMap(verbs), requests, replies, mails);
    }

    private synchronized Pop3Session session(long connection, Flow client) {
        Pop3Session s = open.get(connection);
        if (s == null) {
            s = new Pop3Session(client);
            open.put(connection, s);
            byConnection.put(connection, s);
            list = null;
        }
        return s;
    }

    @Override
    public void exchange(long connection, Flow client, Pop3Exchange e) {
        Pop3Session s = session(connection, client);
        s.exchanges.add(e);
        Pop3Command c = e.command();
        Pop3Reply r = e.reply();
        if (c != null) {
            s.touch(c.frame(), c.timestampNanos());
        }
        for (SaslStep step : e.sasl()) {
            s.touch(step.frame(), step.timestampNanos());
        }
        if (r != null) {
            s.touch(r.frame(), r.timestampNanos());
            if (r.body() != null) {
                s.touch(r.body().lastFrame(), r.body().endTimestampNanos());
            }
        }
        if (e.stateAfter() != null && e.stateAfter() != e.stateBefore() && r != null) {
            s.timeline.add(new Pop3StateChange(e.stateAfter(), r.frame(), r.timestampNanos()));
        }
        if (e.greeting()) {
            s.greeting = r.text();
            s.apopTimestamp = apopTimestamp(r.text());
            return;
        }
        if (c == null) {
            return;
        }
        String[] args = c.arguments();
        boolean ok = r != null && r.ok();
        switch (c.verb()) {
            case "USER":
                pendingUser.put(connection, c.argument());
                if (r != null && !ok) {
                    s.logins.add(login(AuthMethod.USER_PASS, null, c.argument(), null, null, null, null, null, c, r,
                            false));
                }
                break;
            case "PASS":
                s.logins.add(login(AuthMethod.USER_PASS, null, pendingUser.remove(connection), c.argument(), null,
                        null, null, null, c, r, false));
                break;
            case "APOP":
                s.logins.add(login(AuthMethod.APOP, null, args.length > 0 ? args[0] : null, null, s.apopTimestamp,
                        args.length > 1 ? args[1] : null, null, null, c, r, false));
                break;
            case "AUTH":
                if (args.length > 0) {
                    s.logins.add(sasl(s, args, e, c, r));
                }
                break;
            case "CAPA":
                if (ok && r.body() != null) {
                    s.capabilities.clear();
                    s.capabilities.addAll(r.body().lines());
                }
                break;
            case "STAT":
                if (ok && args.length == 0) {
                    String[] f = r.text().trim().split(" +");
                    if (f.length >= 2) {
                        s.maildropMessages = number(f[0]);
                        s.maildropOctets = number(f[1]);
                    }
                }
                break;
            case "LIST":
                if (ok) {
                    listing(r, args, s.sizes, null);
                }
                break;
            case "UIDL":
                if (ok) {
                    listing(r, args, null, s.uids);
                }
                break;
            case "RETR":
            case "TOP":
                if (ok && r.body() != null) {
                    int n = args.length > 0 ? (int) Math.min(Integer.MAX_VALUE, number(args[0])) : -1;
                    int top = c.verb().equals("TOP") ? (args.length > 1 ? (int) number(args[1]) : 0) : -1;
                    Pop3Body b = r.body();
                    s.mails.add(new Mail(s, n, top, r.frame(), r.timestampNanos(), b));
                    if (n >= 0) {
                        s.retrieved.add(n);
                        if (top < 0 && b.complete() && !s.sizes.containsKey(n)) {
                            s.sizes.put(n, new long[] {b.octets()});
                        }
                    }
                }
                break;
            case "DELE":
                if (ok && args.length > 0 && number(args[0]) >= 0) {
                    s.deleted.add((int) number(args[0]));
                }
                break;
            case "RSET":
                if (ok) {
                    s.deleted.clear();
                }
                break;
            case "QUIT":
                if (r != null) {
                    s.quit = true;
                    s.committed = ok && e.stateBefore() == Pop3State.TRANSACTION;
                }
                break;
            case "STLS":
                s.encrypted |= ok;
                break;
            default:
                break;
        }
    }

    @Override
    public void anomaly(long connection, Flow client, Anomaly anomaly) {
        session(connection, client).anomalies.add(anomaly);
    }

    @Override
    public void ended(long connection, Flow client, Pop3End end) {
        Pop3Session s = session(connection, client);
        s.ended = true;
        s.closed = end.closed();
        s.encrypted |= end.encrypted();
        open.remove(connection);
        pendingUser.remove(connection);
    }

    private static Pop3Login login(AuthMethod method, String mechanism, String user, String password, String stamp,
                                   String digest, String challenge, String token, Pop3Command c, Pop3Reply r,
                                   boolean cancelled) {
        AuthResult result = r == null ? AuthResult.UNANSWERED : r.ok() ? AuthResult.SUCCEEDED
                : cancelled ? AuthResult.CANCELLED : AuthResult.FAILED;
        return new Pop3Login(method, mechanism, user, password, stamp, digest, challenge, token, result, c.frame(),
                r == null ? 0 : r.frame());
    }

    /** Decodes the credential material of AUTH PLAIN / LOGIN / CRAM-MD5 / XOAUTH2 (RFC 4616, 2195, Google). */
    private static Pop3Login sasl(Pop3Session s, String[] args, Pop3Exchange e, Pop3Command c, Pop3Reply r) {
        String mech = args[0];
        List<String> client = new ArrayList<>();
        List<String> server = new ArrayList<>();
        boolean cancelled = false;
        if (args.length > 1) {
            client.add(args[1]); // initial response (RFC 5034 section 4)
        }
        for (SaslStep step : e.sasl()) {
            if (step.fromServer()) {
                server.add(step.text());
            } else {
                cancelled |= step.cancel();
                client.add(step.text());
            }
        }
        String m = mech.toUpperCase(java.util.Locale.ROOT);
        String user = null;
        String password = null;
        String digest = null;
        String challenge = null;
        String token = null;
        AuthMethod method;
        switch (m) {
            case "PLAIN": {
                method = AuthMethod.PLAIN;
                String d = client.isEmpty() ? null : SaslText.string(client.get(0));
                if (d != null) {
                    String[] f = d.split("\0", -1);
                    if (f.length == 3) {
                        user = f[1].isEmpty() ? f[0] : f[1];
                        password = f[2];
                    }
                }
                break;
            }
            case "LOGIN":
                method = AuthMethod.LOGIN;
                user = client.size() > 0 ? SaslText.string(client.get(0)) : null;
                password = client.size() > 1 ? SaslText.string(client.get(1)) : null;
                break;
            case "CRAM-MD5": {
                method = AuthMethod.CRAM_MD5;
                challenge = server.isEmpty() ? null : SaslText.string(server.get(0));
                String resp = client.isEmpty() ? null : SaslText.string(client.get(0));
                if (resp != null) {
                    int sp = resp.lastIndexOf(' ');
                    user = sp < 0 ? resp : resp.substring(0, sp);
                    digest = sp < 0 ? null : resp.substring(sp + 1);
                }
                break;
            }
            case "XOAUTH2": {
                method = AuthMethod.XOAUTH2;
                String d = client.isEmpty() ? null : SaslText.string(client.get(0));
                if (d != null) {
                    for (String kv : d.split("\u0001")) {
                        if (kv.startsWith("user=")) {
                            user = kv.substring(5);
                        } else if (kv.startsWith("auth=")) {
                            String a = kv.substring(5);
                            token = a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7) : a;
                        }
                    }
                }
                break;
            }
            default:
                method = AuthMethod.OTHER_SASL;
                break;
        }
        return login(method, mech, user, password, null, digest, challenge, token, c, r, cancelled);
    }

    /** LIST / UIDL: a listing ("n value" lines) or, with an argument, the one line of the +OK reply. */
    private static void listing(Pop3Reply r, String[] args, Map<Integer, long[]> sizes, Map<Integer, String> uids) {
        List<String> lines = r.body() != null ? r.body().lines() : List.of(r.text());
        if (r.body() == null && args.length == 0) {
            return;
        }
        for (String line : lines) {
            String[] f = line.trim().split(" +");
            if (f.length < 2) {
                continue;
            }
            long n = number(f[0]);
            if (n < 0 || n > Integer.MAX_VALUE) {
                continue;
            }
            if (sizes != null) {
                long size = number(f[1]);
                if (size >= 0) {
                    sizes.put((int) n, new long[] {size});
                }
            } else {
                uids.put((int) n, f[1]);
            }
        }
    }

    /** A non-negative decimal number, or -1. */
    static long number(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** The "&lt;...&gt;" msg-id of an APOP-capable greeting (RFC 1939 section 7), or null. */
    static String apopTimestamp(String greeting) {
        int lt = greeting.indexOf('<');
        int gt = lt < 0 ? -1 : greeting.indexOf('>', lt);
        if (lt < 0 || gt < 0 || greeting.indexOf('@', lt) < 0 || greeting.indexOf('@', lt) > gt) {
            return null;
        }
        return greeting.substring(lt, gt + 1);
    }
}
