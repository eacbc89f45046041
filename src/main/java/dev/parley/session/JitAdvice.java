package dev.parley.session;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the SIP correlator's code ({@code dev.parley.session.sip}) out of HotSpot's C2 compiler for the rest of the
 * run; it then runs as C1 code. Why: loading a big capture is a cold, one-shot run, often on two cores. C2 spent about
 * 2 s of CPU on the correlator's many branches while the reading thread, the load's critical path, needed that core,
 * and the correlating thread was idle for part of every load anyway. With the correlator kept at C1 the model of a big
 * capture is built in about 13 % less time (docs/DESIGN-NOTES.md note 17). So is the code that makes the session list's
 * rows on the correlating thread, once per session ({@link SessionSummary}, the window's {@code SessionRow}, {@code
 * RowCopier} and {@code LoadedCapture}, named in the directives' file only): during the window's load C2 compiled
 * {@code SessionSummary.of} five times and {@code SessionRow.of} three (0.74 and 0.71 s of compilation in all,
 * deoptimised as sessions of other kinds came), and without them the window opened the synthetic capture in about 2.55
 * instead of 3.0 s (note 32). So, too, is the scanner's per-message method ({@code HeaderScan.scan}): C2 compiled it
 * last of the reading thread's code, inlining its header walk and value parsers (which it compiles on their own as
 * well) for about 0.12 s, on a core the correlating thread needed; without that the build takes about 4 % less, and its
 * own code (the start line, the summary) runs as C1 code without the reading thread's CPU growing (note 34); and so are
 * the name accessors of the summary and of the batch's rows, which the correlator calls once per session (notes 35 and
 * 36: C2 spent about 0.1 s a load on the batch's). The rest of the reader's code is left to C2. A second directive
 * keeps C2 from inlining the value parsers into the scanner's per-header dispatch ({@code HeaderScan.header}): each is
 * compiled once on its own, and the dispatch's compilation takes about 0.04 s instead of 0.3-0.56 s of the single C2
 * thread while the load warms up (docs/DESIGN-NOTES.md note 25). A third keeps C2 from inlining the scanner's byte
 * loops (line ends, character searches, name lookups, parameter ranges) and the per-datagram hand-offs (registry, SIP
 * plugin, the scan into the batch's row, the row's copy of the keys) anywhere: C2 inlined {@code StartLine.indexOf}
 * alone into 13 methods, each copy compiled again. Called instead, they cost a few nanoseconds a message, and C2
 * compiles about 38 instead of 50 kB of bytecode a load, in 0.43-0.48 instead of 0.53-0.68 s: the build takes about 6 %
 * less (note 35). A method takes the first directive that matches it, so {@code HeaderScan.header}'s directive repeats
 * that list of loops.
 *
 * <p>HotSpot takes compiler directives (JEP 165) at run time through its DiagnosticCommand MBean, as
 * {@code jcmd PID Compiler.directives_add FILE} does. They are added once, when the first big capture is loaded, on a
 * thread of their own so that the load does not wait, and they hold for the rest of the process: later loads, small
 * ones and live captures included, run the correlator as C1 code too. A compressed capture counts for its size on
 * disk times {@code CaptureFiles.GZIP_RATIO} (its own size is unknown until read); live sources do not trigger them.
 * A JVM without that MBean (not HotSpot) just runs as it is, and so does one started
 * with {@code -Dparley.jit=default}.
 *
 * <p>The MBean is called directly when the JDK lets us ({@code parley.jar}'s manifest opens
 * {@code jdk.management/com.sun.management.internal}): about 40 ms, against about 170 ms of CPU and 150 more classes
 * for the platform MBean server, which is the fallback. The directives then also arrive before the correlator's
 * first compilations instead of after them (docs/DESIGN-NOTES.md note 24).
 */
final class JitAdvice {
    /** Captures from this size on get the advice. */
    static final long MIN_CAPTURE_BYTES = 64L << 20;
    private static final String DIRECTIVES = "jit-directives.json";
    private static boolean requested;

    private JitAdvice() {
    }

    /** Adds the directives in the background when the capture is big enough and it was not done before. */
    static synchronized void forCapture(long sizeBytes) {
        if (requested || sizeBytes < MIN_CAPTURE_BYTES || "default".equals(System.getProperty("parley.jit"))) {
            return;
        }
        requested = true;
        Thread t = new Thread(JitAdvice::apply, "parley-jit-advice");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directives now; true when HotSpot took them. Never throws: without them Parley is only slower. */
    static boolean apply() {
        try {
            byte[] directives;
            try (InputStream in = JitAdvice.class.getResourceAsStream(DIRECTIVES)) {
                if (in == null) {
                    return false;
                }
                directives = in.readAllBytes();
            }
            Path file = directivesFile(directives);
            try {
                Object added = directCommand("compilerDirectivesAdd", file.toString());
                if (added == null) {
                    added = diagnosticCommand("compilerDirectivesAdd", file.toString());
                }
                return String.valueOf(added).contains(directiveCount(directives) + " compiler directives added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JMException | RuntimeException | LinkageError e) { // LinkageError: no java.management
            return false;
        }
    }

    /** How many directives the file holds (one "match" each): HotSpot says how many it took. */
    static int directiveCount(byte[] directives) {
        String text = new String(directives, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = text.indexOf("match:"); at >= 0; at = text.indexOf("match:", at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Writes the directives to a new file named after the process: {@code Files.createTempFile} would start the JDK's
     * SecureRandom (about 60 classes and a seeding) for a name that only has to be unique on this machine.
     */
    private static Path directivesFile(byte[] directives) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        String name = "parley-jit-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json";
        try {
            return Files.write(dir.resolve(name), directives, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return Files.write(Files.createTempFile("parley-jit-", ".json"), directives);
        }
    }

    /**
     * Runs a diagnostic command on the DiagnosticCommand MBean itself, without the platform MBean server; null when
     * the JDK does not open its package to us (or is not HotSpot's). Loading {@code PlatformMBeanProviderImpl} loads
     * the native library the MBean's methods need.
     */
    static Object directCommand(String operation, String... arguments) {
        try {
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
            Method get = Class.forName("com.sun.management.internal.DiagnosticCommandImpl")
                    .getDeclaredMethod("getDiagnosticCommandMBean");
            get.setAccessible(true);
            Object bean = get.invoke(null);
            if (!(bean instanceof DynamicMBean dynamic)) {
                return null;
            }
            return dynamic.invoke(operation, new Object[] {arguments}, new String[] {String[].class.getName()});
        } catch (ReflectiveOperationException | JMException | RuntimeException | LinkageError e) {
            return null; // not opened (InaccessibleObjectException), not there, or refused: the MBean server's way
        }
    }

    /** Runs a HotSpot diagnostic command (a jcmd command, in its MBean form) and returns its output. */
    static Object diagnosticCommand(String operation, String... arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
