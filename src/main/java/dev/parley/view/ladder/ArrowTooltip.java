package dev.parley.view.ladder;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** The ladder's tooltip: the whole story of the arrow under the mouse, whatever was cut to fit. */
final class ArrowTooltip {
    private final Canvas canvas;
    private final Tooltip tooltip = new Tooltip();
    private int arrow = -1;

    ArrowTooltip(Canvas canvas) {
        this.canvas = canvas;
        tooltip.setShowDelay(Duration.millis(400));
    }

    /** Forgets the arrow shown, for a new model. */
    void reset() {
        arrow = -1;
        Tooltip.uninstall(canvas, tooltip);
    }

    /** Shows the arrow with an index under the mouse, -1 for none; nothing changes while it stays the same. */
    void hover(LadderLayout l, int index) {
        if (index == arrow) {
            return;
        }
        arrow = index;
        if (index < 0) {
            Tooltip.uninstall(canvas, tooltip);
            return;
        }
        tooltip.setText(describe(l.model(), l.model().arrows().get(index)));
        Tooltip.install(canvas, tooltip);
    }

    /** Several lines about an arrow: label, CSeq, endpoints, time, SDP. */
    static String describe(LadderModel m, LadderArrow a) {
        StringBuilder b = new StringBuilder(a.label()).append("  (").append(a.detail()).append(')');
        if (a.resent()) {
            b.append("  retransmission");
        }
        b.append('\n').append(m.columns().get(a.from()).label()).append(" → ").append(m.columns().get(a.to()).label());
        b.append('\n').append(LadderLayout.relativeTime(m, a)).append(" s  (").append(LadderLayout.delta(a))
                .append(')');
        if (a.message() != null) {
            b.append("  frame ").append(a.message().frame());
        }
        if (a.sdp() != null) {
            b.append("\nSDP ").append(a.sdp());
        }
        return b.toString();
    }
}
