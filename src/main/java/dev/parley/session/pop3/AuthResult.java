package dev.parley.session.pop3;

/** What the server said to a login: +OK, -ERR, the client cancelled the SASL exchange ("*"), or no reply. */
public enum AuthResult { SUCCEEDED, FAILED, CANCELLED, UNANSWERED }
