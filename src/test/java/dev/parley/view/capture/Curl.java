package dev.parley.view.capture;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs curl as a POP3 client for the live-capture tests, and reads back from its trace what it sent. */
final class Curl {
    /** Bytes per row of {@code --trace-ascii} output: a longer line continues on the next row. */
    private static final int TRACE_ROW = 64;

    private Curl() {
    }

    /** The curl binary on the PATH, null when absent. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "curl");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs curl with {@code --trace-ascii TRACE} and the arguments (one connection, reused across {@code --next}),
     * waits for it, and returns its exit code; its output goes to {@code NAME.out}.
     */
    static int run(Path workDir, String name, Path trace, List<String> args) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(List.of("-s", "-S", "--max-time", "30", "--trace-ascii", trace.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException("curl " + name + " did not end in 60 s");
        }
        return p.exitValue();
    }

    /**
     * The lines curl traced as sent, in order, each tagged: "C " for a command, "S " for a SASL response (a line
     * sent after a "+ " continuation from the server). curl sends QUIT when it closes the connection, after its
     * trace has ended, so QUIT is not among them.
     */
    static List<String> sentLines(Path trace) throws IOException {
        List<String> out = new ArrayList<>();
        boolean sending = false;
        boolean afterContinuation = false;
        boolean continues = false; // the last sent row was full: the line may go on in the next row
        for (String row : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            if (row.startsWith("=> Send header")) {
                sending = true;
                continue;
            }
            if (row.startsWith("<= Recv") || row.startsWith("== Info") || row.startsWith("=> Send data")) {
                sending = false;
                continues = false;
                continue;
            }
            int colon = row.indexOf(": ");
            if (colon != 4) {
                continue; // not a data row
            }
            String text = row.substring(colon + 2);
            if (!sending) {
                afterContinuation = text.equals("+") || text.startsWith("+ ");
                continue;
            }
            if (continues) {
                int last = out.size() - 1;
                out.set(last, out.get(last) + text);
            } else {
                out.add((afterContinuation ? "S " : "C ") + text);
                afterContinuation = false;
            }
            continues = text.length() == TRACE_ROW;
        }
        return out;
    }
}
