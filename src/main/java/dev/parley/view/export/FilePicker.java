package dev.parley.view.export;

import java.nio.file.Path;

/** Asks where to write an export; the menu's default shows a FileChooser, tests answer with a file of their own. */
@FunctionalInterface
public interface FilePicker {
    /**
     * @param format    the chosen format (for the extension filter)
     * @param suggested folder and file name to start with
     * @return the file to write, or null when the user cancelled
     */
    Path pick(ExportFormat format, Path suggested);
}
