package dev.parley.view.ladder;

import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The ladder's mouse, wheel and keyboard handling: turns events into selection, zoom and scrolling on the view model
 * and the scroll bars, and asks the owner to rename an endpoint on a header right-click or double-click.
 */
final class LadderInput {
    private static final double WHEEL_LINES = 3;

    private final LadderView view;
    private final LadderViewModel viewModel;
    private final LadderScrollBars bars;
    private final Canvas canvas;
    private final ArrowTooltip tooltip;
    private Consumer<LadderColumn> onEditColumn;

    LadderInput(LadderView view, LadderScrollBars bars, Canvas canvas, ArrowTooltip tooltip) {
        this.view = view;
        this.viewModel = view.viewModel();
        this.bars = bars;
        this.canvas = canvas;
        this.tooltip = tooltip;
    }

    /** Registers the handlers: mouse ones on the canvas, wheel and keys on the whole view. */
    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        view.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    void setOnEditColumn(Consumer<LadderColumn> action) {
        this.onEditColumn = action;
    }

    private void onPressed(MouseEvent e) {
        view.requestFocus();
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        LadderLayout l = view.layoutOfModel();
        double z = viewModel.getZoom();
        if (e.getY() / z < l.headerHeight()) {
            return;
        }
        int i = l.arrowAt(e.getY() / z + bars.y());
        if (i >= 0) {
            viewModel.select(i);
        }
        e.consume();
    }

    private void onClicked(MouseEvent e) {
        boolean edit = e.getButton() == MouseButton.SECONDARY
                || e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2;
        if (!edit || onEditColumn == null) {
            return;
        }
        int c = view.columnAt(e.getX(), e.getY());
        if (c >= 0) {
            e.consume();
            onEditColumn.accept(view.layoutOfModel().model().columns().get(c));
        }
    }

    private void onMoved(MouseEvent e) {
        LadderLayout l = view.layoutOfModel();
        double z = viewModel.getZoom();
        int i = e.getY() / z < l.headerHeight() ? -1 : l.arrowAt(e.getY() / z + bars.y());
        tooltip.hover(l, i);
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() > 0) {
                viewModel.zoomIn();
            } else if (e.getDeltaY() < 0) {
                viewModel.zoomOut();
            }
            e.consume();
            return;
        }
        double z = viewModel.getZoom();
        double dy = e.getDeltaY();
        double dx = e.getDeltaX();
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        if (e.getTextDeltaYUnits() == ScrollEvent.VerticalTextScrollUnits.LINES) {
            dy = e.getTextDeltaY() * view.layoutOfModel().rowHeight() * z / WHEEL_LINES;
        }
        bars.scrollBy(dx / z, dy / z);
        e.consume();
    }

    private void onKey(KeyEvent e) {
        LadderLayout l = view.layoutOfModel();
        int n = l.model().arrows().size();
        int page = Math.max(1, (int) ((canvas.getHeight() / viewModel.getZoom() - l.headerHeight()) / l.rowHeight())
                - 1);
        int sel = viewModel.getSelectedIndex();
        switch (e.getCode()) {
            case DOWN: case KP_DOWN:
                viewModel.selectNext();
                break;
            case UP: case KP_UP:
                viewModel.selectPrevious();
                break;
            case PAGE_DOWN:
                viewModel.select(Math.min(n - 1, Math.max(sel, 0) + page));
                break;
            case PAGE_UP:
                viewModel.select(Math.max(0, sel - page));
                break;
            case HOME:
                viewModel.select(0);
                break;
            case END:
                viewModel.select(n - 1);
                break;
            case PLUS: case ADD: case EQUALS:
                viewModel.zoomIn();
                break;
            case MINUS: case SUBTRACT:
                viewModel.zoomOut();
                break;
            case DIGIT0: case NUMPAD0:
                viewModel.resetZoom();
                break;
            case LEFT:
                bars.horizontal().decrement();
                break;
            case RIGHT:
                bars.horizontal().increment();
                break;
            default:
                return;
        }
        e.consume();
    }
}
