package dev.parley.session.sip;

/** State of an INVITE session, named as sngrep and Wireshark's VoIP calls do. */
public enum CallState {
    CALL_SETUP("CALL SETUP"),
    RINGING("RINGING"),
    IN_CALL("IN CALL"),
    CANCELLED("CANCELLED"),
    REJECTED("REJECTED"),
    BUSY("BUSY"),
    COMPLETED("COMPLETED"),
    DIVERTED("DIVERTED");

    private final String displayName;

    CallState(String displayName) {
        this.displayName = displayName;
    }

    /** "CALL SETUP", "IN CALL": the text shown in the session list. */
    public String displayName() {
        return displayName;
    }

    /** True once the call cannot go on: no later message will change it (except a 2xx racing a CANCEL). */
    public boolean isTerminal() {
        return this == CANCELLED || this == REJECTED || this == BUSY || this == COMPLETED || this == DIVERTED;
    }

    /** Before an answer: the states a final response to the initial INVITE may leave. */
    boolean isSetup() {
        return this == CALL_SETUP || this == RINGING;
    }
}
