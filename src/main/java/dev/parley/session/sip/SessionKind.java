package dev.parley.session.sip;

/**
 * What a Call-ID is about, decided by its first request method (or the CSeq method when only responses were seen).
 * POP3 is never given to a SIP session: it marks POP3 connections where sessions of both protocols are listed together.
 */
public enum SessionKind {
    CALL, REGISTRATION, MESSAGE, SUBSCRIPTION, OPTIONS, OTHER, POP3;

    /** INVITE and the methods that only live inside a call (BYE, ACK, CANCEL, PRACK, UPDATE) make a call. */
    static SessionKind of(String method) {
        if (method == null) {
            return OTHER;
        }
        switch (method) {
            case "INVITE": case "ACK": case "BYE": case "CANCEL": case "PRACK": case "UPDATE":
                return CALL;
            case "REGISTER":
                return REGISTRATION;
            case "MESSAGE":
                return MESSAGE;
            case "SUBSCRIBE": case "NOTIFY": case "PUBLISH":
                return SUBSCRIPTION;
            case "OPTIONS":
                return OPTIONS;
            default:
                return OTHER;
        }
    }
}
