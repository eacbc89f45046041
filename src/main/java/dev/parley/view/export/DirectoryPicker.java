package dev.parley.view.export;

import java.nio.file.Path;

/** Asks for the folder of a mail export; the menu's default shows a DirectoryChooser, tests answer with their own. */
@FunctionalInterface
public interface DirectoryPicker {
    /**
     * @param suggested the folder to start in (it may not exist yet: its parent then)
     * @return the folder to write into (created when missing), or null when the user cancelled
     */
    Path pick(Path suggested);
}
