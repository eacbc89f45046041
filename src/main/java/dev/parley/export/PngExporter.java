package dev.parley.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/** The ladder as a PNG image (java.awt, works headless), at a chosen scale: 2 for sharp text on a HiDPI screen. */
final class PngExporter {
    /** Beyond this many pixels (~1 GB as ints) or this side, a call belongs in a PDF, not one image. */
    static final long MAX_PIXELS = 1L << 28;
    static final int MAX_SIDE = 1 << 16;

    private PngExporter() {
    }

    static void write(Diagram diagram, double scale, OutputStream out) throws IOException {
        ImageIO.write(image(diagram, scale), "png", out);
        out.flush();
    }

    static BufferedImage image(Diagram diagram, double scale) {
        if (!(scale > 0) || scale > DiagramExporter.MAX_SCALE) {
            throw new IllegalArgumentException("PNG scale must be above 0 and at most " + DiagramExporter.MAX_SCALE
                    + ", not " + scale);
        }
        LadderRenderer renderer = new LadderRenderer(diagram);
        long w = (long) Math.ceil(renderer.width() * scale);
        long h = (long) Math.ceil(renderer.height() * scale);
        if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("a PNG of " + w + " x " + h + " pixels is too large ("
                    + diagram.model().arrows().size() + " messages at scale " + scale
                    + "): export to PDF, or choose a smaller scale");
        }
        BufferedImage image = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            renderer.paintAll(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
