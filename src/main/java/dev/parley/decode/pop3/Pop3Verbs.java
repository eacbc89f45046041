package dev.parley.decode.pop3;

/** What is known about each POP3 keyword: existence, the states it is allowed in, whether +OK is multi-line. */
final class Pop3Verbs {
    private Pop3Verbs() {
    }

    static boolean known(String verb) {
        switch (verb) {
            case "USER": case "PASS": case "APOP": case "AUTH": case "CAPA": case "STLS": case "QUIT":
            case "STAT": case "LIST": case "RETR": case "DELE": case "NOOP": case "RSET": case "TOP":
            case "UIDL": case "LAST": case "UTF8": case "LANG":
                return true;
            default:
                return false;
        }
    }

    /** RFC 1939 section 3 and the extensions' own rules; unknown verbs are allowed anywhere (reported otherwise). */
    static boolean allowed(Pop3State state, String verb) {
        if (!known(verb) || state == null || state == Pop3State.ENCRYPTED) {
            return true;
        }
        switch (state) {
            case AUTHORIZATION:
                return verb.equals("USER") || verb.equals("PASS") || verb.equals("APOP") || verb.equals("AUTH")
                        || verb.equals("CAPA") || verb.equals("STLS") || verb.equals("QUIT") || verb.equals("UTF8")
                        || verb.equals("LANG");
            case TRANSACTION:
                return verb.equals("STAT") || verb.equals("LIST") || verb.equals("RETR") || verb.equals("DELE")
                        || verb.equals("NOOP") || verb.equals("RSET") || verb.equals("QUIT") || verb.equals("TOP")
                        || verb.equals("UIDL") || verb.equals("LAST") || verb.equals("CAPA") || verb.equals("LANG");
            default:
                return false; // UPDATE: the server closes after QUIT
        }
    }

    /** Commands only valid once logged in: a capture starting with one of them starts in TRANSACTION. */
    static boolean transactionOnly(String verb) {
        return known(verb) && !allowed(Pop3State.AUTHORIZATION, verb);
    }

    /** Whether a +OK reply to this command is followed by lines ended by ".". Unknown commands: never. */
    static boolean multiLine(String verb, String argument) {
        switch (verb) {
            case "RETR": case "TOP": case "CAPA":
                return true;
            case "LIST": case "UIDL": case "AUTH": case "LANG":
                return argument.isBlank(); // with an argument: one line; AUTH alone lists the mechanisms
            default:
                return false;
        }
    }

    /** Mails: the lines are kept as bytes, not as text. */
    static boolean mail(String verb) {
        return verb.equals("RETR") || verb.equals("TOP");
    }

    /** A SASL exchange with continuation lines follows this command until its final +OK/-ERR. */
    static boolean saslExchange(String verb, String argument) {
        return verb.equals("AUTH") && !argument.isBlank();
    }
}
