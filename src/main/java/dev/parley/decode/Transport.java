package dev.parley.decode;

/** The transport a message travelled on, as SIP's Via names them. */
public enum Transport { UDP, TCP, SCTP, TLS, WS, WSS }
