/** ISUP messages carried in SIP-T bodies (RFC 3204). */
package dev.parley.decode.isup;
