/** The POP3 session panel (state timeline, login, password check, mailbox, mails) and its pairing with the mail viewer. */
package dev.parley.view.pop3;
