package dev.parley.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import dev.parley.diagram.LadderLayout;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The ladder as a paged PDF (A4, landscape when the ladder is wide): rows are split between pages, never cut, the
 * column header is repeated at the top of each page, the legend follows the last row. Drawn by the shared
 * {@link LadderRenderer} through pdfbox-graphics2d with the standard PDF fonts, so every text is real, extractable
 * text (a glyph those fonts lack, such as the resent mark, becomes a shape).
 */
final class PdfExporter {
    private static final float PAGE_MARGIN = 24;
    private static final float FOOTER = 16;
    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font HELVETICA_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font HELVETICA_OBLIQUE = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final PDType1Font HELVETICA_BOLD_OBLIQUE =
            new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD_OBLIQUE);

    private PdfExporter() {
    }

    static void write(Diagram diagram, OutputStream out) throws IOException {
        LadderRenderer renderer = new LadderRenderer(diagram, new LadderStyle(PdfExporter::width),
                LadderRenderer.ArrowHook.NONE);
        LadderLayout layout = renderer.layout();
        double width = renderer.width();
        PDRectangle portrait = PDRectangle.A4;
        boolean landscape = width > portrait.getWidth() - 2 * PAGE_MARGIN;
        PDRectangle size = landscape ? new PDRectangle(portrait.getHeight(), portrait.getWidth()) : portrait;
        float pageW = size.getWidth();
        float pageH = size.getHeight();
        double scale = Math.min(1, (pageW - 2 * PAGE_MARGIN) / width);
        double room = (pageH - 2 * PAGE_MARGIN - FOOTER) / scale; // ladder units per page
        int rowsPerPage = Math.max(1, (int) Math.floor((room - layout.headerHeight()) / layout.rowHeight()));
        int arrows = diagram.model().arrows().size();
        int ladderPages = Math.max(1, (arrows + rowsPerPage - 1) / rowsPerPage);
        int lastRows = arrows - (ladderPages - 1) * rowsPerPage;
        double lastUsed = layout.headerHeight() + lastRows * layout.rowHeight() + LadderLayout.MARGIN;
        boolean legendPage = renderer.legendHeight() > 0 && lastUsed + renderer.legendHeight() > room;
        int pages = ladderPages + (legendPage ? 1 : 0);

        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(diagram.title().isEmpty() ? "Call flow" : diagram.title());
            info.setCreator("Parley");
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, pageW, pageH);
                g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
                LadderRenderer.prepare(g);
                Graphics2D ladder = (Graphics2D) g.create();
                ladder.translate(PAGE_MARGIN, PAGE_MARGIN);
                ladder.scale(scale, scale);
                if (p < ladderPages) {
                    int first = p * rowsPerPage;
                    int end = Math.min(arrows, first + rowsPerPage);
                    Graphics2D rows = (Graphics2D) ladder.create();
                    rows.translate(0, layout.headerHeight() - layout.rowTop(first));
                    rows.clip(new Rectangle2D.Double(0, layout.rowTop(first), width,
                            layout.rowTop(end) - layout.rowTop(first) + LadderLayout.MARGIN));
                    renderer.paintRows(rows, first, end, width);
                    rows.dispose();
                    renderer.paintHeader(ladder, width);
                    if (p == ladderPages - 1 && !legendPage) {
                        renderer.paintLegend(ladder, layout.headerHeight() + (end - first) * layout.rowHeight()
                                + LadderLayout.MARGIN, width);
                    }
                } else {
                    renderer.paintLegend(ladder, 0, width);
                }
                ladder.dispose();
                footer(g, diagram, p, pages, pageW, pageH);
                g.dispose();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawForm(g.getXFormObject());
                }
            }
            doc.save(out);
        }
        out.flush();
    }

    /**
     * Widths of the standard font the text drawer puts in the PDF for the AWT font (SansSerif: Helvetica), so texts
     * are centred and cut as they will look; a text that font cannot encode is drawn as shapes in the AWT font.
     */
    static double width(String text, Font font) {
        PDType1Font pdf = font.isBold() ? (font.isItalic() ? HELVETICA_BOLD_OBLIQUE : HELVETICA_BOLD)
                : font.isItalic() ? HELVETICA_OBLIQUE : HELVETICA;
        try {
            return pdf.getStringWidth(text) / 1000 * font.getSize2D();
        } catch (IllegalArgumentException | IOException e) { // no such glyph in WinAnsi: drawn as shapes instead
            return LadderStyle.AWT.width(text, font);
        }
    }

    private static void footer(Graphics2D g, Diagram diagram, int page, int pages, float pageW, float pageH) {
        LadderStyle style = new LadderStyle(PdfExporter::width);
        String text = (diagram.title().isEmpty() ? "" : diagram.title() + "  ·  ") + "page " + (page + 1) + " of "
                + pages;
        g.setFont(style.small);
        g.setColor(LadderStyle.MUTED);
        g.drawString(text, (float) (pageW - PAGE_MARGIN - style.width(text, style.small)),
                pageH - PAGE_MARGIN / 2 - 2);
    }
}
