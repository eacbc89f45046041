package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.sip.CallState;
import dev.parley.session.sip.SipStatistics;
import dev.parley.testsupport.SyntheticCaptureGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor counts what Parley's model counts, or its time says nothing about Parley's. */
class LoadFloorTest {
    @Test
    void countsWhatParleysModelCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synthetic.pcap");
        SyntheticCaptureGenerator.generate(file, 20_000, 9L);
        CaptureModel model = new CaptureLoader().load(file);
        SipStatistics stats = model.sip().statistics();
        long transactions = model.sip().sessions().stream().mapToLong(s -> s.transactions().size()).sum();
        long completed = model.sip().sessions().stream()
                .filter(s -> s.call() != null && s.call().state() == CallState.COMPLETED).count();

        for (LoadFloor.Scan scan : LoadFloor.Scan.values()) {
            LoadFloor.Counts floor = LoadFloor.load(file, scan);

            assertThat(floor.frames()).as(scan.name()).isEqualTo(model.frames());
            assertThat(floor.sipMessages()).as("messages").isEqualTo(stats.messages());
            assertThat(floor.callIds()).as("Call-IDs").isEqualTo(stats.callIds());
            assertThat(floor.transactions()).as("transactions").isEqualTo(transactions);
            assertThat(floor.resent()).as("retransmissions").isEqualTo(stats.resent());
            assertThat(floor.completedCalls()).as("completed calls").isEqualTo(completed);
            assertThat(completed).isPositive();
        }
        LoadFloor.Counts full = LoadFloor.load(file, LoadFloor.Scan.KEYS, true);
        assertThat(full.resent()).as("retransmissions, Wireshark's rule").isEqualTo(stats.resent());
        assertThat(full.transactions()).as("transactions").isEqualTo(transactions);
        int[] states = new int[CallState.values().length];
        model.sip().sessions().stream().filter(s -> s.call() != null)
                .forEach(s -> states[s.call().state().ordinal()]++);
        assertThat(full.callStates()).as("calls per state").containsExactly(states);
    }
}
