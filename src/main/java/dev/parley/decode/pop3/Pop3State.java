package dev.parley.decode.pop3;

/**
 * The RFC 1939 session states, plus ENCRYPTED once STLS succeeded: from then on the connection is TLS and is not
 * read as POP3.
 */
public enum Pop3State { AUTHORIZATION, TRANSACTION, UPDATE, ENCRYPTED }
