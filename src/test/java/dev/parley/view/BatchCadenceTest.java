package dev.parley.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchCadenceTest {
    private long now = 1_000_000_000L;
    private final BatchCadence cadence = new BatchCadence(() -> now);

    private void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }

    @Test
    void untilTheFirstRowsAreShownEveryReportIsDue() {
        assertThat(cadence.due(true)).isTrue();
        assertThat(cadence.due(true)).isTrue();
        advanceMillis(1);
        assertThat(cadence.due(true)).isTrue();
    }

    @Test
    void thenABatchGoesOutOncePerPeriod() {
        assertThat(cadence.due(true)).as("the first rows").isTrue();
        advanceMillis(BatchCadence.EVERY_MILLIS - 1);
        assertThat(cadence.due(false)).as("too soon after the first rows").isFalse();
        advanceMillis(1);
        assertThat(cadence.due(false)).isTrue();
        advanceMillis(100);
        assertThat(cadence.due(false)).as("the period counts from the last batch").isFalse();
        advanceMillis(BatchCadence.EVERY_MILLIS);
        assertThat(cadence.due(false)).isTrue();
    }
}
