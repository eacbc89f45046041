package dev.parley.view.mail;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save a file; tests inject one that answers without a native dialog. */
@FunctionalInterface
public interface SaveDialog {
    /** @return the chosen file, or null when the user cancelled */
    Path ask(String title, String suggestedName, Window owner);

    /** The platform's file chooser. */
    static SaveDialog fileChooser() {
        return (title, name, owner) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(name);
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        };
    }
}
