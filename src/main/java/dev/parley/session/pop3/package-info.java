/** POP3 sessions built from the decoder's exchanges: logins, mailbox, retrieved mails, state timeline, timings. */
package dev.parley.session.pop3;
