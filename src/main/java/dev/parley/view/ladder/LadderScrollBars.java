package dev.parley.view.ladder;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderLayout;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;

/**
 * The ladder's viewport: the two scroll bars (their values are the scroll position in content units, i.e. at zoom 1)
 * and the canvas they frame, laid out so a bar shows only when the content overflows.
 */
final class LadderScrollBars {
    private final LadderView view;
    private final Canvas canvas;
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private int pendingScroll = -1; // a selection made before the first layout, scrolled to once sized

    LadderScrollBars(LadderView view, Canvas canvas) {
        this.view = view;
        this.canvas = canvas;
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
    }

    ScrollBar vertical() {
        return vbar;
    }

    ScrollBar horizontal() {
        return hbar;
    }

    /** The content x at the left edge of the canvas. */
    double x() {
        return hbar.getValue();
    }

    /** The content y at the top edge of the canvas. */
    double y() {
        return vbar.getValue();
    }

    /** Back to the top left, for a new model. */
    void reset() {
        vbar.setValue(0);
        hbar.setValue(0);
    }

    /** Sizes the bars and the canvas to a view of w x h pixels and sets the bars' ranges. */
    void layout(double w, double h) {
        double vw = vbar.prefWidth(-1);
        double hh = hbar.prefHeight(-1);
        LadderLayout l = view.layoutOfModel();
        double z = view.viewModel().getZoom();
        // Show a bar only when its content overflows, taking the other bar's room into account.
        boolean needV = l.height() * z > h;
        boolean needH = l.width() * z > w - (needV ? vw : 0);
        if (!needV && needH) {
            needV = l.height() * z > h - hh;
        }
        double cw = Math.max(0, w - (needV ? vw : 0));
        double ch = Math.max(0, h - (needH ? hh : 0));
        vbar.setVisible(needV);
        hbar.setVisible(needH);
        vbar.resizeRelocate(w - vw, 0, vw, ch);
        hbar.resizeRelocate(0, h - hh, cw, hh);
        canvas.relocate(0, 0);
        canvas.setWidth(Math.floor(cw));
        canvas.setHeight(Math.floor(ch));

        double visibleH = ch / z;
        double visibleW = cw / z;
        vbar.setMin(0);
        vbar.setMax(Math.max(0, l.height() - visibleH));
        vbar.setVisibleAmount(visibleH * vbar.getMax() / Math.max(l.height(), 1));
        vbar.setUnitIncrement(l.rowHeight());
        vbar.setBlockIncrement(Math.max(l.rowHeight(), visibleH - l.headerHeight() - l.rowHeight()));
        hbar.setMin(0);
        hbar.setMax(Math.max(0, l.width() - visibleW));
        hbar.setVisibleAmount(visibleW * hbar.getMax() / Math.max(l.width(), 1));
        hbar.setUnitIncrement(20);
        hbar.setBlockIncrement(visibleW * 0.8);
        clamp(vbar);
        clamp(hbar);
        if (pendingScroll >= 0 && ch > 0) {
            int index = pendingScroll;
            pendingScroll = -1;
            scrollToArrow(index);
        }
    }

    /** Scrolls by content units (positive moves the content right/down), within the range. */
    void scrollBy(double dx, double dy) {
        vbar.setValue(vbar.getValue() - dy);
        hbar.setValue(hbar.getValue() - dx);
        clamp(vbar);
        clamp(hbar);
    }

    /** Scrolls the least needed to show the arrow's whole row below the sticky header. */
    void scrollToArrow(int index) {
        if (index < 0) {
            return;
        }
        if (canvas.getHeight() <= 0) {
            pendingScroll = index;
            return;
        }
        LadderLayout l = view.layoutOfModel();
        double z = view.viewModel().getZoom();
        double visible = canvas.getHeight() / z;
        double top = l.rowTop(index) - l.headerHeight(); // scroll value that puts the row just under the header
        double bottom = l.rowTop(index) + l.rowHeight() - visible;
        double v = vbar.getValue();
        if (v > top) {
            vbar.setValue(Math.max(0, top));
        } else if (v < bottom) {
            vbar.setValue(Math.min(vbar.getMax(), bottom));
        }
        // Horizontally: bring the arrow's span into sight right of the time gutter, its start first if too wide.
        LadderArrow a = l.model().arrows().get(index);
        double left = Math.min(l.arrowStartX(a), l.arrowEndX(a)) - LadderLayout.TEXT_PAD;
        double right = a.self() ? l.textLeft(a) + Math.min(l.textRoom(a), 200)
                : Math.max(l.arrowStartX(a), l.arrowEndX(a)) + LadderLayout.TEXT_PAD;
        double sx = hbar.getValue();
        double viewLeft = sx + l.gutterRight();
        double viewRight = sx + canvas.getWidth() / z;
        if (left < viewLeft) {
            hbar.setValue(left - l.gutterRight());
        } else if (right > viewRight) {
            hbar.setValue(Math.min(right - canvas.getWidth() / z, left - l.gutterRight()));
        }
        clamp(hbar);
    }

    private static void clamp(ScrollBar bar) {
        bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue())));
    }
}
