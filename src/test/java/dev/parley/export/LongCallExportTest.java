package dev.parley.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.diagram.LadderOptions;
import dev.parley.diagram.Samples;
import dev.parley.session.sip.SipSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call of 127 messages: the PDF is paged without cutting anything, the PNG grows with the call. */
class LongCallExportTest {
    @TempDir
    static Path dir;
    static List<SipSession> sessions;
    static Diagram diagram;

    @BeforeAll
    static void load() throws Exception {
        Path file = dir.resolve("long-call.pcap");
        int messages = HandMadeCall.write(file, 60);
        sessions = Samples.sessions(file);
        LadderModel model = LadderModelBuilder.build(sessions, LadderOptions.DEFAULT, Samples.KEPT_BYTES);
        diagram = new Diagram(model, "Call-ID " + HandMadeCall.CALL_ID, CallLegend.of(sessions, Redactor.NONE));
        assertThat(sessions).hasSize(1);
        assertThat(model.arrows()).hasSize(messages).hasSizeGreaterThan(100);
    }

    @Test
    void pdfIsPagedWithTheHeaderOnEveryPageAndEveryArrowInTheText() throws Exception {
        byte[] pdf = DiagramExportTest.export(diagram, DiagramFormat.PDF, 1);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertThat(page).as("page %s", p).contains("Time", "10.0.0.1:5060", "10.0.0.2:5060",
                        "page " + p + " of " + pages);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String text = stripper.getText(doc);
            LadderModel m = diagram.model();
            for (LadderArrow a : m.arrows()) { // every row is on some page: its unique time and its CSeq
                assertThat(text).contains(LadderLayout.relativeTime(m, a));
                assertThat(text).contains(a.label() + " " + a.detail());
            }
            assertThat(DiagramExportTest.count(text, "OPTIONS CSeq")).isEqualTo(60);
            assertThat(text).contains("ended by caller: BYE", "setup time 0.030 s");
        }
    }

    @Test
    void pngGrowsWithTheArrowsAndDrawsTheLastOne() throws Exception {
        LadderRenderer r = new LadderRenderer(diagram);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                DiagramExportTest.export(diagram, DiagramFormat.PNG, 1)));
        int n = diagram.model().arrows().size();

        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(r.height()));
        assertThat((double) image.getHeight()).isGreaterThanOrEqualTo(r.layout().headerHeight()
                + n * r.layout().rowHeight() + r.legendHeight());
        for (int i = 0; i < n; i++) {
            assertThat(DiagramExportTest.ink(image, r.layout(), i)).as("arrow %s drawn", i).isTrue();
        }
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(
                DiagramExportTest.export(DiagramExportTest.firstCall(true), DiagramFormat.PNG, 1)));
        assertThat(image.getHeight()).isGreaterThan(small.getHeight() * 10);
    }
}
