package dev.parley.view.export;

import java.nio.file.Path;

/**
 * An export that failed: the file it was to write and why, in words for the user (never a stack trace).
 *
 * @param file   the target file
 * @param reason "permission denied", "the image would be 70000 x 900 pixels..." and so on
 */
public record ExportError(Path file, String reason) {
}
