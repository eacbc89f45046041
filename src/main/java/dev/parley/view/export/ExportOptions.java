package dev.parley.view.export;

import java.util.Objects;

/**
 * One export's choices, as the options dialog leaves them. Options that do not apply to the format are false (1 for
 * the scale), so a caller can build them by hand, as tests do.
 *
 * @param scale  PNG pixels per ladder unit: 1, 2 or 3 (HiDPI)
 * @param legend diagrams: draw the calls' timings under the ladder
 * @param redact replace users, numbers and credentials by placeholders
 * @param rtp    packets: add the RTP/RTCP streams negotiated in the SDP
 */
public record ExportOptions(ExportFormat format, int scale, boolean legend, boolean redact, boolean rtp) {
    public static final int MAX_SCALE = 3;

    public ExportOptions {
        Objects.requireNonNull(format, "format");
        scale = format.hasScale() ? Math.max(1, Math.min(MAX_SCALE, scale)) : 1;
        legend = legend && format.hasLegend();
        redact = redact && format.hasRedact();
        rtp = rtp && format.hasRtp();
    }

    /** A format with no option set. */
    public static ExportOptions of(ExportFormat format) {
        return new ExportOptions(format, 1, false, false, false);
    }
}
