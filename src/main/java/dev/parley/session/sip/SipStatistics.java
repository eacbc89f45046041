package dev.parley.session.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Totals over all SIP messages, comparable with tshark's {@code -z sip,stat}: messages, resent messages, distinct
 * Call-IDs, requests per method and responses per status code. Also counts anomalies by code, messages without a
 * Call-ID and sessions dropped by {@code Limits.maxCalls}. An immutable snapshot.
 */
public final class SipStatistics {
    private final long messages;
    private final long resent;
    private final long callIds;
    private final long withoutCallId;
    private final long droppedSessions;
    private final SortedMap<String, Long> methods;
    private final SortedMap<String, Long> statusCodes;
    private final SortedMap<String, Long> anomalies;

    SipStatistics(long messages, long resent, long callIds, long withoutCallId, long droppedSessions,
                  Map<String, Long> methods, Map<String, Long> statusCodes, Map<String, Long> anomalies) {
        this.messages = messages;
        this.resent = resent;
        this.callIds = callIds;
        this.withoutCallId = withoutCallId;
        this.droppedSessions = droppedSessions;
        this.methods = Collections.unmodifiableSortedMap(new TreeMap<>(methods));
        this.statusCodes = Collections.unmodifiableSortedMap(new TreeMap<>(statusCodes));
        this.anomalies = Collections.unmodifiableSortedMap(new TreeMap<>(anomalies));
    }

    public long messages() {
        return messages;
    }

    /** Retransmissions as tshark counts them (UDP only). */
    public long resent() {
        return resent;
    }

    /** Distinct Call-IDs seen (messages without one excluded). */
    public long callIds() {
        return callIds;
    }

    /** Messages that had no Call-ID (counted in {@link #messages()}, kept in no session). */
    public long withoutCallId() {
        return withoutCallId;
    }

    /** Sessions evicted to stay within {@code Limits.maxCalls}. */
    public long droppedSessions() {
        return droppedSessions;
    }

    /** Requests per method ("INVITE" -> 3), sorted by name. */
    public SortedMap<String, Long> methods() {
        return methods;
    }

    /** Responses per status code ("200" -> 5), sorted. */
    public SortedMap<String, Long> statusCodes() {
        return statusCodes;
    }

    /** Anomalies per code ("sip.call_id.missing" -> 1). */
    public SortedMap<String, Long> anomalies() {
        return anomalies;
    }

    /**
     * The shape the CLI prints: {"messages", "resent", "call_ids", "methods", "status_codes"}, then "anomalies",
     * "without_call_id" and "dropped_sessions" only when non-zero.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", messages);
        m.put("resent", resent);
        m.put("call_ids", callIds);
        m.put("methods", methods);
        m.put("status_codes", statusCodes);
        if (!anomalies.isEmpty()) {
            m.put("anomalies", anomalies);
        }
        if (withoutCallId > 0) {
            m.put("without_call_id", withoutCallId);
        }
        if (droppedSessions > 0) {
            m.put("dropped_sessions", droppedSessions);
        }
        return m;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
