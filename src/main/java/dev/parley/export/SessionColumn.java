package dev.parley.export;

import dev.parley.session.SessionSummary;
import java.time.Instant;
import java.util.Locale;

/** The columns of the session list that CSV and JSON exports can hold, by stable id (as in "--columns"). */
public enum SessionColumn {
    INDEX("index"),
    CALL_ID("call-id"),
    KIND("kind"),
    METHOD("method"),
    FROM("from"),
    TO("to"),
    STATE("state"),
    MESSAGES("messages"),
    START("start"),
    DURATION("duration"),
    PDD("pdd"),
    SETUP("setup"),
    LAST_STATUS("last-status"),
    TRANSPORT("transport"),
    SOURCE("source"),
    DESTINATION("destination"),
    RELATED("related"),
    ANOMALIES("anomalies");

    private final String id;

    SessionColumn(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The column of an id ("call-id", case-insensitive, '_' for '-' accepted), or null. */
    public static SessionColumn of(String id) {
        if (id == null) {
            return null;
        }
        String n = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SessionColumn c : values()) {
            if (c.id.equals(n)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The cell: a String, a Long/Integer, a Double (seconds) or null when it does not apply. Users in From/To pass
     * through the redactor.
     */
    Object value(SessionSummary s, Redactor r) {
        switch (this) {
            case INDEX: return s.index();
            case CALL_ID: return s.callId();
            case KIND: return s.kind() == null ? null : s.kind().name();
            case METHOD: return s.method();
            case FROM: return r.user(s.from());
            case TO: return r.user(s.to());
            case STATE: return s.state();
            case MESSAGES: return s.messages();
            case START: return s.startNanos() < 0 ? null : Instant.ofEpochSecond(0, s.startNanos()).toString();
            case DURATION: return seconds(s.durationNanos());
            case PDD: return seconds(s.postDialDelayNanos());
            case SETUP: return seconds(s.setupTimeNanos());
            case LAST_STATUS: return s.lastStatus() < 0 ? null : s.lastStatusText();
            case TRANSPORT: return s.transport();
            case SOURCE: return s.source();
            case DESTINATION: return s.destination();
            case RELATED: return String.join(" ", s.related());
            case ANOMALIES: return s.anomalies();
            default: throw new IllegalStateException("column " + this);
        }
    }

    private static Double seconds(long nanos) {
        return nanos < 0 ? null : Math.round(nanos / 1e3) / 1e6;
    }
}
