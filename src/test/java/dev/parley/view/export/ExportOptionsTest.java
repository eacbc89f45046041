package dev.parley.view.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options record, the dialog's view model and default file names, without a toolkit. */
class ExportOptionsTest {

    @Test
    void optionsThatDoNotApplyToTheFormatAreDropped() {
        ExportOptions pdf = new ExportOptions(ExportFormat.PDF, 3, true, true, true);
        assertThat(pdf).isEqualTo(new ExportOptions(ExportFormat.PDF, 1, true, true, false));
        ExportOptions pcap = new ExportOptions(ExportFormat.PCAP, 2, true, true, true);
        assertThat(pcap.rtp()).isTrue();
        assertThat(pcap.legend()).isFalse();
        assertThat(pcap.redact()).as("packets are copied byte for byte").isFalse();
        assertThat(new ExportOptions(ExportFormat.PNG, 7, false, false, false).scale()).isEqualTo(3);
        assertThat(new ExportOptions(ExportFormat.PNG, 0, false, false, false).scale()).isEqualTo(1);
    }

    @Test
    void dialogModelOffersTheSubjectsFormatsAndSaysWhichOptionsApply() {
        ExportDialogViewModel diagram = new ExportDialogViewModel(ExportSubject.DIAGRAM);
        assertThat(diagram.formats()).containsExactly(ExportFormat.SVG, ExportFormat.PNG, ExportFormat.PDF,
                ExportFormat.DIAGRAM_TEXT, ExportFormat.MERMAID, ExportFormat.PLANTUML);
        assertThat(diagram.formatProperty().get()).isEqualTo(ExportFormat.SVG);
        assertThat(diagram.scaleAppliesProperty().get()).isFalse();
        assertThat(diagram.legendAppliesProperty().get()).isTrue();
        diagram.formatProperty().set(ExportFormat.PNG);
        diagram.scaleProperty().set(3);
        diagram.redactProperty().set(true);
        assertThat(diagram.scaleAppliesProperty().get()).isTrue();
        assertThat(diagram.options()).isEqualTo(new ExportOptions(ExportFormat.PNG, 3, true, true, false));

        diagram.formatProperty().set(ExportFormat.PCAP);
        assertThat(diagram.formatProperty().get()).as("another subject's format is refused").isEqualTo(
                ExportFormat.PNG);

        ExportDialogViewModel packets = new ExportDialogViewModel(ExportSubject.PACKETS);
        assertThat(packets.formats()).containsExactly(ExportFormat.PCAP, ExportFormat.PCAPNG);
        assertThat(packets.rtpAppliesProperty().get()).isTrue();
        assertThat(packets.redactAppliesProperty().get()).isFalse();
        packets.rtpProperty().set(true);
        packets.redactProperty().set(true);
        assertThat(packets.options()).isEqualTo(new ExportOptions(ExportFormat.PCAP, 1, false, false, true));

        assertThat(new ExportDialogViewModel(ExportSubject.LIST).formats()).containsExactly(ExportFormat.CSV,
                ExportFormat.JSON);
    }

    @Test
    void fileNamesAreSafeAndGetTheirExtension() {
        assertThat(FileNames.sanitise("a84b4c76e66710@pc33.atlanta.com")).isEqualTo("a84b4c76e66710_pc33.atlanta.com");
        assertThat(FileNames.sanitise("../x y//z:1")).isEqualTo("x_y_z_1");
        assertThat(FileNames.sanitise("@@@")).isEqualTo("export");
        assertThat(FileNames.sanitise("\u00e9t\u00e9")).isEqualTo("t");
        assertThat(FileNames.sanitise("a".repeat(300))).hasSize(FileNames.MAX_LENGTH);
        assertThat(FileNames.captureBase("calls.pcapng.gz")).isEqualTo("calls");
        assertThat(FileNames.captureBase("x.pcap")).isEqualTo("x");
        assertThat(ExportViewModel.withExtension(Path.of("/tmp/call"), ExportFormat.SVG))
                .isEqualTo(Path.of("/tmp/call.svg"));
        assertThat(ExportViewModel.withExtension(Path.of("/tmp/call.xml"), ExportFormat.SVG))
                .isEqualTo(Path.of("/tmp/call.xml"));
    }
}
