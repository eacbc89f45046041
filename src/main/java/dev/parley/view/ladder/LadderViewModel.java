package dev.parley.view.ladder;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderModel;
import dev.parley.session.sip.SipMessageRef;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of a ladder view: the model shown, the selected arrow and the zoom. Holds no Node; use it from the FX thread.
 * Other views follow {@link #selectedArrowProperty()} (its {@code message()} is the SIP message to detail).
 */
public final class LadderViewModel {
    public static final double MIN_ZOOM = 0.4;
    public static final double MAX_ZOOM = 3.0;
    private static final double ZOOM_STEP = 1.15;

    private final ReadOnlyObjectWrapper<LadderModel> model = new ReadOnlyObjectWrapper<>(this, "model",
            LadderModel.EMPTY);
    private final ObjectProperty<LadderArrow> selectedArrow = new SimpleObjectProperty<>(this, "selectedArrow");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0) {
        @Override
        public void set(double v) {
            super.set(Double.isNaN(v) ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v)));
        }
    };

    public LadderViewModel() {
        selectedArrow.addListener((obs, old, a) -> {
            LadderModel m = model.get();
            if (a != null && (a.index() >= m.arrows().size() || m.arrows().get(a.index()) != a)) {
                selectedArrow.set(null); // not an arrow of the model shown
                return;
            }
            selectedIndex.set(a == null ? -1 : a.index());
        });
    }

    /** Shows a new model; clears the selection. */
    public void show(LadderModel ladder) {
        selectedArrow.set(null);
        model.set(ladder == null ? LadderModel.EMPTY : ladder);
    }

    public ReadOnlyObjectProperty<LadderModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public LadderModel getModel() {
        return model.get();
    }

    /** The selected arrow, null when none; set it to select (it must be an arrow of the model shown). */
    public ObjectProperty<LadderArrow> selectedArrowProperty() {
        return selectedArrow;
    }

    public LadderArrow getSelectedArrow() {
        return selectedArrow.get();
    }

    /** Index of the selected arrow, -1 when none. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    /** Selects the arrow at an index; out of range clears the selection. */
    public void select(int index) {
        LadderModel m = model.get();
        selectedArrow.set(index >= 0 && index < m.arrows().size() ? m.arrows().get(index) : null);
    }

    /** Selects the arrow of a SIP message (e.g. chosen in another view); clears the selection when not shown. */
    public void selectMessage(SipMessageRef message) {
        if (message != null) {
            for (LadderArrow a : model.get().arrows()) {
                if (message.equals(a.message())) {
                    selectedArrow.set(a);
                    return;
                }
            }
        }
        selectedArrow.set(null);
    }

    /** Selects the next arrow (the first when none is selected). */
    public void selectNext() {
        int n = model.get().arrows().size();
        if (n > 0) {
            select(Math.min(selectedIndex.get() + 1, n - 1));
        }
    }

    /** Selects the previous arrow (the last when none is selected). */
    public void selectPrevious() {
        int n = model.get().arrows().size();
        if (n > 0) {
            int i = selectedIndex.get();
            select(i < 0 ? n - 1 : Math.max(i - 1, 0));
        }
    }

    /** Zoom factor, clamped to [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    public void zoomIn() {
        zoom.set(zoom.get() * ZOOM_STEP);
    }

    public void zoomOut() {
        zoom.set(zoom.get() / ZOOM_STEP);
    }

    public void resetZoom() {
        zoom.set(1.0);
    }
}
