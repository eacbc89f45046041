package dev.parley.capture.file;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write bytes to a file and read every frame of it, copying data out of the reader's buffer. */
final class Frames {
    private Frames() {
    }

    /** A frame with its bytes copied (a reader's slices are only valid until the next call). */
    record Copy(long number, long timestampNanos, int linkType, byte[] data, int originalLength, long fileOffset) {
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static List<Copy> readAll(FrameSource source) throws IOException {
        List<Copy> frames = new ArrayList<>();
        Frame f;
        while ((f = source.next()) != null) {
            frames.add(new Copy(f.number(), f.timestampNanos(), f.linkType(), f.data().toArray(), f.originalLength(),
                    f.fileOffset()));
        }
        return frames;
    }

    static List<Copy> readAll(Path file) throws IOException {
        try (FrameSource source = CaptureFiles.open(file)) {
            return readAll(source);
        }
    }
}
