/** WebSocket framing (RFC 6455) for SIP over WebSocket (RFC 7118). */
package dev.parley.decode.ws;
