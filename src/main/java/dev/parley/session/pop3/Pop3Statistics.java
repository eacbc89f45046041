package dev.parley.session.pop3;

import java.util.Map;

/**
 * Counts over all POP3 sessions of a capture.
 *
 * @param commands    commands by upper-case verb (SASL continuation lines are not commands)
 * @param requests    commands sent
 * @param replies     status lines received: greetings, replies to commands, unsolicited ones
 * @param mails       retrieved mails (RETR and TOP replies)
 */
public record Pop3Statistics(int sessions, Map<String, Long> commands, long requests, long replies, long mails) {
}
