package dev.parley.session;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every anomaly of a capture: all are counted by code, the first {@link #KEPT} are kept in full so a hostile capture
 * cannot fill the memory with reports.
 */
public final class AnomalyLog implements AnomalySink {
    public static final int KEPT = 100_000;

    private final List<Anomaly> kept = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long total;

    @Override
    public synchronized void report(Anomaly anomaly) {
        total++;
        counts.merge(anomaly.code(), 1L, Long::sum);
        if (kept.size() < KEPT) {
            kept.add(anomaly);
        }
    }

    public synchronized List<Anomaly> anomalies() {
        return Collections.unmodifiableList(new ArrayList<>(kept));
    }

    /** Counts by anomaly code, sorted by code. */
    public synchronized Map<String, Long> counts() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public synchronized long total() {
        return total;
    }
}
