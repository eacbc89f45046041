package dev.parley.view.export;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the export options dialog of one subject: the format and the options, and which options apply to the
 * chosen format. Holds no Node, so tests fill it and read {@link #options()} without showing the dialog. The choices
 * of one dialog are kept by the menu between exports.
 */
public final class ExportDialogViewModel {
    /** PNG scales offered: screen size, and 2x/3x for HiDPI screens and print. */
    public static final List<Integer> SCALES = List.of(1, 2, 3);

    private final ExportSubject subject;
    private final ObservableList<ExportFormat> formats;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format");
    private final ObjectProperty<Integer> scale = new SimpleObjectProperty<>(this, "scale", 2);
    private final BooleanProperty legend = new SimpleBooleanProperty(this, "legend", true);
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact");
    private final BooleanProperty rtp = new SimpleBooleanProperty(this, "rtp");
    private final BooleanBinding scaleApplies;
    private final BooleanBinding legendApplies;
    private final BooleanBinding redactApplies;
    private final BooleanBinding rtpApplies;

    public ExportDialogViewModel(ExportSubject subject) {
        this.subject = subject;
        this.formats = FXCollections.unmodifiableObservableList(
                FXCollections.observableArrayList(ExportFormat.of(subject)));
        format.set(formats.get(0));
        format.addListener((o, a, f) -> {
            if (f == null || f.subject() != subject) {
                format.set(a == null ? formats.get(0) : a); // only this subject's formats
            }
        });
        scaleApplies = Bindings.createBooleanBinding(() -> format.get().hasScale(), format);
        legendApplies = Bindings.createBooleanBinding(() -> format.get().hasLegend(), format);
        redactApplies = Bindings.createBooleanBinding(() -> format.get().hasRedact(), format);
        rtpApplies = Bindings.createBooleanBinding(() -> format.get().hasRtp(), format);
    }

    public ExportSubject subject() {
        return subject;
    }

    /** The subject's formats, in the order the dialog offers them. */
    public ObservableList<ExportFormat> formats() {
        return formats;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** One of {@link #SCALES}; used by PNG only. */
    public ObjectProperty<Integer> scaleProperty() {
        return scale;
    }

    public BooleanProperty legendProperty() {
        return legend;
    }

    public BooleanProperty redactProperty() {
        return redact;
    }

    public BooleanProperty rtpProperty() {
        return rtp;
    }

    public BooleanBinding scaleAppliesProperty() {
        return scaleApplies;
    }

    public BooleanBinding legendAppliesProperty() {
        return legendApplies;
    }

    public BooleanBinding redactAppliesProperty() {
        return redactApplies;
    }

    public BooleanBinding rtpAppliesProperty() {
        return rtpApplies;
    }

    /** The choices for the chosen format; options that do not apply to it are left out. */
    public ExportOptions options() {
        Integer s = scale.get();
        return new ExportOptions(format.get(), s == null ? 1 : s, legend.get(), redact.get(), rtp.get());
    }
}
