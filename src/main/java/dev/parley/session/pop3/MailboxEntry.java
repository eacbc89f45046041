package dev.parley.session.pop3;

/**
 * One message of the maildrop as the session saw it.
 *
 * @param size      octets from LIST (or a RETR's body when no LIST was seen), -1 when unknown
 * @param uid       unique id from UIDL, null when unknown
 * @param retrieved RETR or TOP got +OK for it
 * @param deleted   marked deleted (DELE +OK) and not undone by RSET
 */
public record MailboxEntry(int number, long size, String uid, boolean retrieved, boolean deleted) {
}
