package dev.parley.view.capture;

import dev.parley.capture.FrameSource;
import java.nio.file.Path;

/** Where a started capture's frames go: the main window's loading path ({@code MainViewModel::openLive}). */
@FunctionalInterface
public interface LiveSink {
    void show(FrameSource frames, Path spoolFile, String name);
}
