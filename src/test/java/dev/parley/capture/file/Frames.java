package dev.parley.capture.file;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.FrameView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: write bytes to a file and read every frame of it, copying data out of the reader's buffer. */
final class Frames {
    private Frames() {
    }

    /** A frame with its bytes copied (a reader's slices are only valid until the next call). */
    record Copy(long number, long timestampNanos, int linkType, byte[] data, int originalLength, long fileOffset) {
        /** The fields as text, the bytes included: records compare arrays by identity. */
        String described() {
            return number + " " + timestampNanos + " " + linkType + " " + Arrays.toString(data) + " " + originalLength
                    + " " + fileOffset;
        }
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

    /** {@link #readAll(FrameSource)} through {@link FrameSource#next(FrameView)}, the load loop's way. */
    static List<Copy> readAllViews(FrameSource source) throws IOException {
        List<Copy> frames = new ArrayList<>();
        FrameView v = new FrameView();
        while (source.next(v)) {
            frames.add(new Copy(v.number(), v.timestampNanos(), v.linkType(),
                    Arrays.copyOfRange(v.array(), v.offset(), v.offset() + v.length()), v.originalLength(),
                    v.fileOffset()));
        }
        return frames;
    }

    /**
     * Everything a reader gives for {@code file} opened the way {@code reading} says (ahead in {@code chunk}-byte
     * chunks): each frame described, then its anomalies and its end position, for comparing two ways of reading.
     */
    static List<String> describeAll(Path file, CaptureFiles.Reading reading, int chunk) throws IOException {
        try (FrameSource source = CaptureFiles.open(file, InputWindow.DEFAULT_CAPACITY, reading, chunk)) {
            List<String> out = new ArrayList<>();
            for (Copy f : readAll(source)) {
                out.add(f.described());
            }
            out.add(source.anomalies().toString());
            out.add(Long.toString(source.position()));
            return out;
        }
    }

    static List<Copy> readAll(Path file) throws IOException {
        try (FrameSource source = CaptureFiles.open(file)) {
            return readAll(source);
        }
    }
}
