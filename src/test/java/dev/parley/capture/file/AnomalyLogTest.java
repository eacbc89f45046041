package dev.parley.capture.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import org.junit.jupiter.api.Test;

class AnomalyLogTest {
    @Test
    void keepsABoundedNumberOfEachCodeAndCountsTheRest() {
        AnomalyLog log = new AnomalyLog();
        for (int i = 1; i <= 1000; i++) {
            log.add(Anomaly.warning("capture.record.length_mismatch", i, "cut"));
        }
        log.add(Anomaly.error("capture.record.truncated", 1001, "short"));

        assertThat(log.count("capture.record.length_mismatch")).isEqualTo(1000);
        assertThat(log.list()).hasSize(AnomalyLog.MAX_PER_CODE + 2);
        assertThat(log.list().get(AnomalyLog.MAX_PER_CODE).message()).contains("not listed");
        assertThat(log.list().get(AnomalyLog.MAX_PER_CODE + 1).code()).isEqualTo("capture.record.truncated");
    }
}
