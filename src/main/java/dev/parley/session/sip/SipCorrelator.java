package dev.parley.session.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Limits;
import dev.parley.decode.sip.SipBatch;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups SIP messages, fed in capture order, into one {@link SipSession} per Call-ID, with transactions, dialogs and
 * call/registration/pager/subscription views, and keeps tshark-comparable {@link SipStatistics}. Correlation is
 * separate from parsing: only {@link SipSummary} key fields are used, and per message only a row of primitive
 * columns in a {@link MessageTable} is kept ({@link SipMessageRef}s are views made on demand); Call-IDs, branches and
 * tags are packed in its string pool. Time is capture time only.
 *
 * <p>Messages without a Call-ID are counted (statistics and an anomaly "sip.call_id.missing") but kept in no session.
 * At most {@code Limits.maxCalls} sessions are kept: past it the oldest completed session (else the oldest) is
 * evicted and counted as dropped (its rows and strings are released, see {@link SipSession#release}); a later
 * message of an evicted Call-ID starts a new session. Not thread-safe: one
 * loader thread feeds it.
 */
public final class SipCorrelator {
    static final String MISSING_CALL_ID = "sip.call_id.missing";
    private static final int EVICTION_SCAN = 1024;
    private static final int MAX_KEPT_ANOMALIES = 1000;

    private final int maxSessions;
    private final Map<String, List<SipSession>> awaitingLeg = new HashMap<>();
    private final Interner interner = new Interner(4096);
    /** Users and display names repeat across Call-IDs (the same phones call again and again). */
    private final Interner people = new Interner(1 << 16);
    private final MessageTable table = new MessageTable();
    private final MessageFacts facts = new MessageFacts();
    /** The one-message batch {@link #accept(SipEvent)} goes through. */
    private final SipBatch one = new SipBatch(1);
    /** Sessions that may still be live (not settled): the settling pass looks at these only, not at every session. */
    private final List<SipSession> live = new ArrayList<>();
    private final LiveState.Pool livePool = new LiveState.Pool();
    private final SessionIndex sessions = new SessionIndex(table.callIds);
    /** Capture time after which a quiet Call-ID is settled (RFC 3261 timers end within 64*T1 = 32 s). */
    static final long SETTLE_AFTER_NANOS = 300_000_000_000L;
    private static final int SETTLE_EVERY = 1 << 15;
    private long lastSettleNanos;
    private final ResendDetector noCallIdResend = new ResendDetector();
    /** Requests per method: by the name table's id (no map lookup per message), the rest (none, past FULL) by name. */
    private long[] methodCountsById = new long[32];
    private final Map<String, long[]> methodCounts = new HashMap<>();
    /** Responses per status code (the scanner gives 100..699), no boxing on the per-message path. */
    private final long[] statusCounts = new long[1000];
    private final Map<String, long[]> anomalyCounts = new HashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private int messages;
    private long resent;
    private long callIds;
    private long withoutCallId;
    private long dropped;

    public SipCorrelator() {
        this(Limits.DEFAULT);
    }

    public SipCorrelator(Limits limits) {
        this.maxSessions = Math.max(1, limits.maxCalls());
    }

    /** Adds the next message in capture order. */
    public void accept(SipEvent e) {
        one.clear();
        one.add(e);
        accept(one, 0);
        one.clear();
    }

    /** Adds message {@code i} of the batch, the next in capture order. */
    public void accept(SipBatch b, int i) {
        int index = messages++;
        count(b, i);
        int callIdLength = b.keyLength(i, SipSummary.CALL_ID);
        if (callIdLength < 0) {
            withoutCallId++;
            if (noCallIdResend.isResent(b.flow(i), b.request(i), b.cseq(i), b.cseqMethod(i), b.status(i))) {
                resent++;
            }
            report(Anomaly.warning(MISSING_CALL_ID, b.frame(i), "SIP message without Call-ID: "
                    + b.summary(i).label()));
            table.add(b.frame(i), b.nanos(i), b.flow(i), b.origin(i), b.request(i), b.method(i), b.status(i),
                    b.reasonPhrase(i), b.cseqMethod(i), b.is(i, SipBatch.SDP), false, -1, 0, null, 0, null,
                    b.bytes(i));
            return;
        }
        byte[] keys = b.keyBytes();
        int callIdAt = b.keyAt(i, SipSummary.CALL_ID);
        // Call-IDs are matched as text, as the CLI's --call and the views name them: bytes that are not UTF-8 become
        // U+FFFD. A known Call-ID's bytes are its text's (the table keeps only such bytes), so the test for
        // anything to rewrite waits until the bytes are not found.
        SipSession session = sessions.get(keys, callIdAt, callIdLength);
        if (session == null && !ascii(keys, callIdAt, callIdLength)) {
            keys = new String(keys, callIdAt, callIdLength, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            callIdAt = 0;
            callIdLength = keys.length;
            session = sessions.get(keys, callIdAt, callIdLength);
        }
        if (session == null) {
            session = new SipSession(keys, callIdAt, callIdLength, table);
            sessions.add(session);
            callIds++;
            if (!awaitingLeg.isEmpty()) {
                linkAwaiting(session, session.callId());
            }
            evictIfNeeded();
        }
        long nanos = b.nanos(i);
        if ((index & (SETTLE_EVERY - 1)) == SETTLE_EVERY - 1) {
            settleIdle(nanos);
        }
        String before = session.correlationId();
        if (!session.isLive()) {
            live.add(session); // new, or settled before and woken up by this message
        }
        int row = session.add(b, i, interner, people, facts, livePool);
        assert row == index;
        if (table.resent(row)) {
            resent++;
        }
        if (before == null && session.correlationId() != null) {
            linkLeg(session, session.correlationId());
        }
    }

    private static boolean ascii(byte[] a, int off, int len) {
        int any = 0;
        for (int i = off, end = off + len; i < end; i++) {
            any |= a[i];
        }
        return any >= 0;
    }

    private void settleIdle(long now) {
        if (now - lastSettleNanos < SETTLE_AFTER_NANOS / 4) {
            return;
        }
        lastSettleNanos = now;
        int kept = 0;
        for (int i = 0; i < live.size(); i++) {
            SipSession s = live.get(i);
            if (!s.isLive()) {
                continue; // evicted since
            }
            if (!s.isActiveSince(now - SETTLE_AFTER_NANOS)) {
                s.settleOnce(livePool);
            } else {
                live.set(kept++, s);
            }
        }
        live.subList(kept, live.size()).clear();
    }

    /** End of capture: marks calls still open; their state stays as last seen (see {@link SipCall}). */
    public void finish() {
        for (int p = sessions.first(); p >= 0; p = sessions.next(p)) {
            sessions.at(p).finish();
        }
        table.trim();
    }

    /** Sessions in order of their first message. */
    public List<SipSession> sessions() {
        return sessions.snapshot();
    }

    /** The session of a Call-ID, or null. */
    public SipSession session(String callId) {
        return sessions.get(callId);
    }

    public SipStatistics statistics() {
        Map<String, Long> methods = new HashMap<>();
        methodCounts.forEach((k, v) -> methods.put(k, v[0]));
        for (char id = 1; id < methodCountsById.length; id++) {
            if (methodCountsById[id] > 0) {
                methods.put(table.names.name(id), methodCountsById[id]);
            }
        }
        Map<String, Long> codes = new HashMap<>();
        for (int code = 0; code < statusCounts.length; code++) {
            if (statusCounts[code] > 0) {
                codes.put(Integer.toString(code), statusCounts[code]);
            }
        }
        Map<String, Long> anomalyMap = new HashMap<>();
        anomalyCounts.forEach((k, v) -> anomalyMap.put(k, v[0]));
        return new SipStatistics(messages, resent, callIds, withoutCallId, dropped, methods, codes, anomalyMap);
    }

    /** Anomalies found while correlating (the first {@value #MAX_KEPT_ANOMALIES}; all are counted in statistics). */
    public List<Anomaly> anomalies() {
        return Collections.unmodifiableList(anomalies);
    }

    private void count(SipBatch b, int i) {
        if (b.request(i)) {
            String name = b.method(i);
            char id = table.names.id(name);
            if (id != 0 && id != NameTable.FULL) {
                if (id >= methodCountsById.length) {
                    methodCountsById = Arrays.copyOf(methodCountsById, Math.max(id + 1, 2 * id));
                }
                methodCountsById[id]++;
            } else {
                String method = name == null ? "" : name;
                methodCounts.computeIfAbsent(method, k -> new long[1])[0]++;
            }
        } else {
            int code = b.status(i);
            if (code >= 0 && code < statusCounts.length) {
                statusCounts[code]++;
            }
        }
        if (b.is(i, SipBatch.ANOMALIES)) {
            List<Anomaly> found = b.anomalies(i);
            for (int k = 0; k < found.size(); k++) {
                anomalyCounts.computeIfAbsent(found.get(k).code(), key -> new long[1])[0]++;
            }
        }
    }

    private void report(Anomaly a) {
        anomalyCounts.computeIfAbsent(a.code(), k -> new long[1])[0]++;
        if (anomalies.size() < MAX_KEPT_ANOMALIES) {
            anomalies.add(a);
        }
    }

    /** A session naming another Call-ID: link now if that leg exists, else when it appears. */
    private void linkLeg(SipSession session, String otherCallId) {
        SipSession other = sessions.get(otherCallId);
        if (other != null) {
            session.link(other);
            other.link(session);
        } else {
            awaitingLeg.computeIfAbsent(otherCallId, k -> new ArrayList<>(1)).add(session);
        }
    }

    private void linkAwaiting(SipSession session, String callId) {
        List<SipSession> waiting = awaitingLeg.isEmpty() ? null : awaitingLeg.remove(callId);
        if (waiting != null) {
            for (SipSession w : waiting) {
                w.link(session);
                session.link(w);
            }
        }
    }

    private void evictIfNeeded() {
        if (sessions.size() <= maxSessions) {
            return;
        }
        int victim = -1;
        int scanned = 0;
        for (int p = sessions.first(); p >= 0 && scanned < EVICTION_SCAN; p = sessions.next(p), scanned++) {
            if (sessions.at(p).isCompleted()) {
                victim = p;
                break;
            }
        }
        if (victim < 0) {
            victim = sessions.first(); // none completed near the head: drop the oldest
        }
        SipSession gone = sessions.at(victim);
        sessions.remove(victim);
        gone.release(livePool);
        dropped++;
    }
}
