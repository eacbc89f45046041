package dev.parley.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.diagram.LadderOptions;
import dev.parley.diagram.Samples;
import dev.parley.session.sip.SipSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every diagram format of the first SIPp call, checked by reading the file back. */
class DiagramExportTest {
    private static final List<String> LABELS = List.of("INVITE", "100 Trying", "180 Ringing", "200 OK", "ACK", "BYE",
            "200 OK");

    static Diagram firstCall(boolean legend) {
        List<SipSession> sessions = Samples.sessions("sip-call-udp.pcap").subList(0, 1);
        LadderModel model = LadderModelBuilder.build(sessions,
                new LadderOptions(false, Map.of("127.0.0.1:5070", "alice phone")), Samples.KEPT_BYTES);
        return new Diagram(model, "Call-ID " + sessions.get(0).callId(),
                legend ? CallLegend.of(sessions, Redactor.NONE) : List.of());
    }

    static byte[] export(Diagram d, DiagramFormat f, double scale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiagramExporter.export(d, f, scale, out);
        return out.toByteArray();
    }

    @Test
    void svgHasOneGroupPerArrowWithItsLabelAsText() throws Exception {
        byte[] svg = export(firstCall(true), DiagramFormat.SVG, 1);
        Document doc = parse(svg);

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList groups = doc.getElementsByTagName("g");
        List<String> arrowTexts = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").startsWith("arrow")) {
                NodeList texts = g.getElementsByTagName("text");
                assertThat(texts.getLength()).as("texts of %s", g.getAttribute("id")).isGreaterThanOrEqualTo(2);
                arrowTexts.add(texts.item(0).getTextContent());
            }
        }
        assertThat(arrowTexts).containsExactlyElementsOf(LABELS);
        List<String> all = new ArrayList<>();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            all.add(texts.item(i).getTextContent());
        }
        assertThat(all).contains("alice phone", "127.0.0.1:5070", "127.0.0.1:5060", "Time", "0.409611", "+0.000196",
                "CSeq 2 BYE", "offer PCMU/8000 PCMA/8000 @ 127.0.0.1:6004", "Legend", "ended by caller: BYE");
    }

    @Test
    void pdfTextHoldsEveryLabelTimeAndTheLegend() throws Exception {
        byte[] pdf = export(firstCall(true), DiagramFormat.PDF, 1);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            for (String label : LABELS) {
                assertThat(text).contains(label);
            }
            assertThat(text).contains("alice phone", "127.0.0.1:5060", "0.000196", "0.931933", "CSeq 1 ACK",
                    "answer PCMU/8000 @ 127.0.0.1:6000", "setup time 0.410 s", "post-dial delay 0.104 s",
                    "duration 0.522 s", "ended by caller: BYE");
            assertThat(count(text, "200 OK")).isEqualTo(2);
        }
    }

    @Test
    void pngHasTheLayoutSizeTimesTheScale() throws Exception {
        Diagram d = firstCall(false);
        LadderRenderer r = new LadderRenderer(d);
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(export(d, DiagramFormat.PNG, 1)));
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(export(d, DiagramFormat.PNG, 2)));

        assertThat(one.getWidth()).isEqualTo((int) Math.ceil(r.width()));
        assertThat(one.getHeight()).isEqualTo((int) Math.ceil(r.height()));
        assertThat(one.getHeight()).isGreaterThanOrEqualTo((int) (r.layout().headerHeight() + 7 * r.layout().rowHeight()));
        assertThat(two.getWidth()).isEqualTo((int) Math.ceil(r.width() * 2));
        assertThat(two.getHeight()).isEqualTo((int) Math.ceil(r.height() * 2));
        assertThat(ink(one, r.layout(), 6)).as("last arrow drawn").isTrue();
        assertThatThrownBy(() -> export(d, DiagramFormat.PNG, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale");
    }

    @Test
    void textLadderHasOneLinePerArrowWithItsTime() {
        String text = TextExporter.text(firstCall(true));
        List<String> lines = text.lines().toList();

        assertThat(lines.get(0)).startsWith("Time").contains("alice phone", "127.0.0.1:5060");
        assertThat(lines.get(1)).contains("127.0.0.1:5070");
        List<String> arrows = lines.stream().filter(l -> l.matches("^\\d+\\.\\d{6} .*")).toList();
        assertThat(arrows).hasSize(7);
        for (int i = 0; i < LABELS.size(); i++) {
            assertThat(arrows.get(i)).contains(" " + LABELS.get(i) + " ");
        }
        assertThat(arrows.get(0)).startsWith("0.000000").contains("---->|").contains("CSeq 1 INVITE; offer PCMU/8000");
        assertThat(arrows.get(1)).startsWith("0.000196").contains("|<--");
        assertThat(text).contains("setup time 0.410 s");
    }

    @Test
    void mermaidHasTheParticipantsAndArrowsInOrder() {
        Diagram d = firstCall(true);
        List<String> lines = MermaidExporter.text(d).lines().toList();

        assertThat(lines.get(0)).isEqualTo("sequenceDiagram");
        assertThat(lines).contains("    participant P0 as alice phone<br/>127.0.0.1:5070",
                "    participant P1 as 127.0.0.1:5060");
        List<String> arrows = lines.stream().filter(l -> l.matches("^    P\\d-?->>P\\d: .*")).toList();
        assertThat(arrows).hasSize(7);
        List<LadderArrow> model = d.model().arrows();
        for (int i = 0; i < model.size(); i++) {
            LadderArrow a = model.get(i);
            assertThat(arrows.get(i)).startsWith("    P" + a.from() + "->>P" + a.to() + ": " + a.label() + " · "
                    + LadderLayout.relativeTime(d.model(), a));
        }
        assertThat(lines).anyMatch(l -> l.startsWith("    Note over P0,P1: Legend<br/>"));
    }

    @Test
    void plantUmlHasTheParticipantsAndArrowsInOrder() {
        Diagram d = firstCall(true);
        List<String> lines = PlantUmlExporter.text(d).lines().toList();

        assertThat(lines.get(0)).isEqualTo("@startuml");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("@enduml");
        assertThat(lines).contains("participant \"alice phone\\n127.0.0.1:5070\" as P0",
                "participant \"127.0.0.1:5060\" as P1");
        List<String> arrows = lines.stream().filter(l -> l.matches("^P\\d -\\[#[0-9a-f]{6}(,dashed)?\\]> P\\d : .*"))
                .toList();
        assertThat(arrows).hasSize(7);
        List<LadderArrow> model = d.model().arrows();
        for (int i = 0; i < model.size(); i++) {
            LadderArrow a = model.get(i);
            assertThat(arrows.get(i)).startsWith("P" + a.from() + " -[" + LadderStyle.paletteHex(a.colour()) + "]> P"
                    + a.to() + " : " + a.label() + " · " + LadderLayout.relativeTime(d.model(), a));
        }
        assertThat(lines).contains("legend left", "endlegend", "  ended by caller: BYE");
    }

    @Test
    void severalSessionsShareOneDiagram() throws Exception {
        List<SipSession> sessions = Samples.sessions("sip-call-udp.pcap");
        LadderModel model = LadderModelBuilder.build(sessions, LadderOptions.DEFAULT, Samples.KEPT_BYTES);
        Diagram d = new Diagram(model, "3 calls", CallLegend.of(sessions, Redactor.NONE));
        String svg = new String(export(d, DiagramFormat.SVG, 1), StandardCharsets.UTF_8);

        assertThat(count(svg, "class='arrow")).isEqualTo(21);
        assertThat(d.legend()).hasSize(1 + 3 * 3);
        assertThat(MermaidExporter.text(d).lines().filter(l -> l.contains("->>"))).hasSize(21);
    }

    /** True when the row of arrow i has non-white pixels along its line, between the columns. */
    static boolean ink(BufferedImage image, LadderLayout layout, int arrow) {
        int y = (int) Math.round(layout.arrowY(arrow));
        int x0 = (int) layout.columnX(0) + 12;
        int x1 = (int) layout.columnX(1) - 12;
        int coloured = 0;
        for (int x = x0; x < x1; x++) {
            for (int dy = -1; dy <= 1; dy++) {
                if ((image.getRGB(x, y + dy) & 0xffffff) != 0xffffff && (image.getRGB(x, y + dy) & 0xffffff)
                        != 0xf6f8fa) {
                    coloured++;
                    break;
                }
            }
        }
        return coloured > (x1 - x0) * 0.9;
    }

    /** Parses XML without fetching the DTD it names (tests run offline). */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
