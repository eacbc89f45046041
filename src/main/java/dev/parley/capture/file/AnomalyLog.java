package dev.parley.capture.file;

import dev.parley.decode.Anomaly;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container anomalies of one capture. A broken writer repeats its mistake in every record, so each code is kept
 * a bounded number of times, then counted in one closing note instead of growing the list with the file.
 */
final class AnomalyLog {
    static final int MAX_PER_CODE = 100;

    private final List<Anomaly> list = new ArrayList<>();
    private final List<Anomaly> view = Collections.unmodifiableList(list);
    private final Map<String, int[]> counts = new HashMap<>();

    void add(Anomaly anomaly) {
        int[] count = counts.computeIfAbsent(anomaly.code(), c -> new int[1]);
        count[0]++;
        if (count[0] <= MAX_PER_CODE) {
            list.add(anomaly);
        } else if (count[0] == MAX_PER_CODE + 1) {
            list.add(Anomaly.note(anomaly.code(), 0, "further occurrences of " + anomaly.code() + " are not listed"));
        }
    }

    /** How many times {@code code} was reported, listed or not. */
    int count(String code) {
        int[] count = counts.get(code);
        return count == null ? 0 : count[0];
    }

    List<Anomaly> list() {
        return view;
    }
}
