/** UDP datagrams. */
package dev.parley.decode.udp;
