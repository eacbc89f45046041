package dev.parley.app;

import org.slf4j.LoggerFactory;

/**
 * Starts logback on a thread of its own while JavaFX starts (it takes 150–200 ms in a fresh JVM, see
 * {@link LoggingConfigurator}); the window waits for it before building, by when it is long done. Waiting matters:
 * SLF4J hands a thread that asks for a logger during the start a stand-in whose early events it replays with a
 * warning.
 */
final class LoggingStart {
    private static final long MAX_WAIT_MILLIS = 2_000;
    private static volatile Thread starting;

    private LoggingStart() {
    }

    static void begin() {
        Thread t = new Thread(LoggerFactory::getILoggerFactory, "parley-logging-start");
        t.setDaemon(true);
        starting = t;
        t.start();
    }

    /** Returns once logging is started (at once when {@link #begin} was not called: tests, harnesses). */
    static void await() {
        Thread t = starting;
        if (t == null) {
            return;
        }
        try {
            t.join(MAX_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
