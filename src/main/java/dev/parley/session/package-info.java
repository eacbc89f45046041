/** The session model: loading a capture into calls, dialogs, transactions, registrations and POP3 sessions. */
package dev.parley.session;
