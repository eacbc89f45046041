/** POP3 (RFC 1939, 2449 CAPA, 2595 STLS, 5034 SASL AUTH) on TCP: line framing, command/reply pairing, state machine. */
package dev.parley.decode.pop3;
