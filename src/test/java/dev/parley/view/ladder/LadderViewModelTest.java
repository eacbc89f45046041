package dev.parley.view.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderModel;
import dev.parley.diagram.Samples;
import org.junit.jupiter.api.Test;

class LadderViewModelTest {

    @Test
    void selectionWalksAndStaysInRange() {
        LadderViewModel vm = new LadderViewModel();
        LadderModel m = Samples.firstUdpCall();
        vm.show(m);

        assertThat(vm.getSelectedIndex()).isEqualTo(-1);
        vm.selectNext();
        assertThat(vm.getSelectedArrow()).isSameAs(m.arrows().get(0));
        vm.selectPrevious();
        assertThat(vm.getSelectedIndex()).isZero();
        vm.select(6);
        vm.selectNext();
        assertThat(vm.getSelectedIndex()).isEqualTo(6);
        vm.select(99);
        assertThat(vm.getSelectedArrow()).isNull();
        vm.selectPrevious();
        assertThat(vm.getSelectedIndex()).isEqualTo(6);

        vm.selectedArrowProperty().set(m.arrows().get(2));
        assertThat(vm.getSelectedIndex()).isEqualTo(2);
        // An arrow of another model is refused.
        vm.selectedArrowProperty().set(Samples.firstUdpCall().arrows().get(1));
        assertThat(vm.getSelectedArrow()).isNull();
        assertThat(vm.getSelectedIndex()).isEqualTo(-1);
    }

    @Test
    void selectsTheArrowOfAMessage() {
        LadderViewModel vm = new LadderViewModel();
        LadderModel m = Samples.firstUdpCall();
        vm.show(m);

        vm.selectMessage(m.arrows().get(5).message());
        assertThat(vm.getSelectedIndex()).isEqualTo(5);
        vm.selectMessage(Samples.firstUdpCall().arrows().get(5).message()); // same text, another load
        assertThat(vm.getSelectedIndex()).isEqualTo(-1);
        vm.selectMessage(null);
        assertThat(vm.getSelectedArrow()).isNull();
    }

    @Test
    void zoomIsClamped() {
        LadderViewModel vm = new LadderViewModel();
        vm.zoomIn();
        assertThat(vm.getZoom()).isGreaterThan(1.0);
        vm.zoomProperty().set(100);
        assertThat(vm.getZoom()).isEqualTo(LadderViewModel.MAX_ZOOM);
        vm.zoomProperty().set(0.01);
        assertThat(vm.getZoom()).isEqualTo(LadderViewModel.MIN_ZOOM);
        vm.resetZoom();
        assertThat(vm.getZoom()).isEqualTo(1.0);
    }

    @Test
    void tooltipDescribesAnArrow() {
        LadderModel m = Samples.firstUdpCall();

        String text = LadderView.describe(m, m.arrows().get(3));

        assertThat(text).startsWith("200 OK  (CSeq 1 INVITE)")
                .contains("127.0.0.1:5060 → 127.0.0.1:5070", "0.409611 s  (+0.305694)", "frame 4",
                        "SDP answer PCMU/8000 @ 127.0.0.1:6000");
    }
}
