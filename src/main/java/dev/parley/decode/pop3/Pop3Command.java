package dev.parley.decode.pop3;

import dev.parley.decode.Origin;

/**
 * One client command line.
 *
 * @param verb      the keyword in upper case ("RETR"), what statistics group by
 * @param rawVerb   the keyword as sent ("retr"), what tshark groups by
 * @param argument  what follows the keyword and one space, "" when nothing; passwords are kept (masking is the
 *                  views' job)
 * @param frame     frame that completed the line
 * @param origin    where the line's bytes are in the capture (with its line end)
 */
public record Pop3Command(String verb, String rawVerb, String argument, long frame, long timestampNanos,
                          Origin origin) {

    /** True for the keywords of RFC 1939, 2449, 2595, 5034 and 6856. */
    public boolean known() {
        return Pop3Verbs.known(verb);
    }

    /** The argument split on spaces; an empty array when there is none. */
    public String[] arguments() {
        String a = argument.trim();
        return a.isEmpty() ? new String[0] : a.split(" +");
    }
}
