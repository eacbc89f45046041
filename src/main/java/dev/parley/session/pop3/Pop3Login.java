package dev.parley.session.pop3;

/**
 * One login attempt and the credential material a check needs later. Secrets are kept as sent: masking them is the
 * views' and exporters' job.
 *
 * @param mechanism      the SASL mechanism as sent ("PLAIN"), null for USER/PASS and APOP
 * @param user           the user name (USER, APOP, or decoded from the SASL exchange), null when unknown
 * @param password       the clear-text password (PASS, PLAIN, LOGIN), null otherwise
 * @param apopTimestamp  the greeting's timestamp ("&lt;1896.697170952@dbc.mindspring.com&gt;") for APOP
 * @param digest         the APOP digest, or the CRAM-MD5 digest (hex, as sent)
 * @param challenge      the decoded CRAM-MD5 challenge
 * @param token          the XOAUTH2 bearer token
 * @param frame          frame of the command that started the attempt
 * @param resultFrame    frame of the final reply, 0 when unanswered
 */
public record Pop3Login(AuthMethod method, String mechanism, String user, String password, String apopTimestamp,
                        String digest, String challenge, String token, AuthResult result, long frame,
                        long resultFrame) {

    public boolean succeeded() {
        return result == AuthResult.SUCCEEDED;
    }
}
