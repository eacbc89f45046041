package dev.parley.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Filters are compiled by libpcap before a capture starts (no privilege needed: a dead handle). */
class CaptureFiltersTest {

    @Test
    void validAndBlankFiltersPass() {
        assertThat(CaptureFilters.problem("udp port 5060 or tcp port 110", 65535)).isEmpty();
        assertThat(CaptureFilters.problem("  ", 65535)).isEmpty();
        assertThat(CaptureFilters.problem(null, 65535)).isEmpty();
    }

    @Test
    void anInvalidFilterIsNamedInTheMessage() {
        assertThat(CaptureFilters.problem("udp prot 5060", 65535)).hasValueSatisfying(m ->
                assertThat(m).startsWith("invalid capture filter \"udp prot 5060\": ").doesNotContain("Exception"));
    }
}
