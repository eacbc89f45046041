package dev.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a figure of this process from /proc/self/status (Linux); -1 elsewhere. */
final class ProcStatus {
    private ProcStatus() {
    }

    /** The value in KiB of a line such as "VmHWM:  123456 kB". */
    static long kib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
