package dev.parley.capture.live;

/**
 * Live capture cannot start or go on: no permission, no such interface, an invalid filter, libpcap missing. The
 * message is for users as it is (it names the interface or filter and says what to do); never a stack trace.
 */
public final class LiveCaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    public LiveCaptureException(String message) {
        super(message);
    }

    public LiveCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
