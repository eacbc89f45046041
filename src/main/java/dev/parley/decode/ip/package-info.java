/** IPv4 and IPv6 with extension headers, fragment reassembly, and tunnels (GRE, ERSPAN, GTP-U, IP-in-IP). */
package dev.parley.decode.ip;
