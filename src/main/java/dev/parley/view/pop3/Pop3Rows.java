package dev.parley.view.pop3;

import dev.parley.session.pop3.Mail;

/** Immutable rows of the POP3 session panel's lists and tables. */
public final class Pop3Rows {
    private Pop3Rows() {
    }

    /** A state entered: "TRANSACTION", "+0.004 s", frame 12. */
    public record TimelineRow(String state, String time, long frame) {
    }

    /** A command, its reply and the time between them (secrets masked). */
    public record ExchangeRow(long frame, String time, String command, String reply, String responseTime) {
    }

    /** A retrieved mail: "RETR" or "TOP 5", octets, subject (decoded). */
    public record MailRow(Mail mail, int number, String how, long size, String subject) {
    }
}
