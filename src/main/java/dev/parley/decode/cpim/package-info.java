/** CPIM messages (RFC 3862) carried in SIP MESSAGE bodies. */
package dev.parley.decode.cpim;
