package dev.parley.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoint aliases name the ladder columns; changing them rebuilds the ladder and keeps the selected message. */
class MainViewModelAliasTest {
    private final FakeFxThread fxThread = new FakeFxThread();
    private MainViewModel vm;

    @BeforeEach
    void load() throws InterruptedException {
        vm = new MainViewModel(fxThread);
        vm.open(Path.of("samples", "sip-call-udp.pcap"));
        fxThread.runUntilLoaded(vm);
        assertThat(vm.loadingProperty().get()).isFalse();
        vm.sessionList().select(List.of(vm.sessionList().allRows().get(0)));
        assertThat(vm.ladder().getModel().columns()).hasSizeGreaterThanOrEqualTo(2);
    }

    @AfterEach
    void stop() {
        vm.shutdown();
    }

    @Test
    void aliasRenamesTheColumnAndClearingRestoresTheEndpoint() {
        LadderColumn first = vm.ladder().getModel().columns().get(0);
        assertThat(first.aliased()).isFalse();
        String key = first.key();
        assertThat(key).contains(":");
        vm.ladder().select(3);
        LadderArrow selected = vm.ladder().getSelectedArrow();
        LadderModel before = vm.ladder().getModel();

        vm.naming().setAlias(key, "  UAC  ");
        LadderModel renamed = vm.ladder().getModel();
        assertThat(renamed).isNotSameAs(before);
        assertThat(renamed.columns().get(0).label()).isEqualTo("UAC");
        assertThat(renamed.columns().get(0).key()).isEqualTo(key);
        assertThat(renamed.columns().get(0).aliased()).isTrue();
        assertThat(renamed.columns().get(1).aliased()).isFalse();
        assertThat(vm.naming().alias(key)).isEqualTo("UAC");
        assertThat(vm.naming().endpointAliases()).containsExactly(Map.entry(key, "UAC"));
        assertThat(vm.ladder().getSelectedIndex()).as("the selected message stays selected").isEqualTo(3);
        assertThat(vm.ladder().getSelectedArrow().message()).isEqualTo(selected.message());
        assertThat(vm.detail().treeProperty().get()).isNotNull();

        vm.naming().setAlias(key, "");
        LadderColumn restored = vm.ladder().getModel().columns().get(0);
        assertThat(restored.label()).isEqualTo(key);
        assertThat(restored.aliased()).isFalse();
        assertThat(vm.naming().endpointAliases()).isEmpty();
        assertThat(vm.ladder().getSelectedIndex()).isEqualTo(3);
    }

    @Test
    void mergedPortsUseTheHostKeyAndAliasesSurviveToggling() {
        String key = vm.ladder().getModel().columns().get(0).key();
        String host = key.substring(0, key.lastIndexOf(':'));
        vm.naming().setAliases(Map.of(key, "phone", host, "host A"));
        assertThat(vm.ladder().getModel().columns().get(0).label()).isEqualTo("phone");

        vm.naming().mergePortsProperty().set(true);
        LadderColumn merged = vm.ladder().getModel().columns().stream()
                .filter(c -> c.key().equals(host)).findFirst().orElseThrow();
        assertThat(merged.label()).isEqualTo("host A");

        vm.naming().mergePortsProperty().set(false);
        assertThat(vm.ladder().getModel().columns().get(0).label()).isEqualTo("phone");
    }

    @Test
    void keepsAtMostTheBoundDroppingTheOldest() {
        for (int i = 0; i < EndpointAliases.MAX_ENTRIES + 5; i++) {
            vm.naming().setAlias("10.9.0." + i + ":5060", "h" + i);
        }
        assertThat(vm.naming().endpointAliases()).hasSize(EndpointAliases.MAX_ENTRIES)
                .doesNotContainKey("10.9.0.4:5060").containsKey("10.9.0.5:5060");
        vm.naming().setAlias("10.9.0.5:5060", "renamed");
        assertThat(List.copyOf(vm.naming().endpointAliases().keySet())).last().isEqualTo("10.9.0.5:5060");
    }

    @Test
    void severalSelectedCallsShareOneLadderInTimeOrder() {
        var rows = vm.sessionList().allRows();
        vm.sessionList().select(List.of(rows.get(2), rows.get(0)));
        LadderModel both = vm.ladder().getModel();
        assertThat(both.columns()).hasSize(2);
        assertThat(both.arrows()).hasSize(14);
        for (int i = 1; i < both.arrows().size(); i++) {
            assertThat(both.arrows().get(i).timestampNanos())
                    .isGreaterThanOrEqualTo(both.arrows().get(i - 1).timestampNanos());
        }
        assertThat(both.arrows().get(0).label()).isEqualTo("INVITE");
        assertThat(both.arrows().get(7).label()).isEqualTo("INVITE");
    }
}
