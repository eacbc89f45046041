/** TCP stream reassembly per direction: out-of-order, retransmissions, overlaps and gaps. */
package dev.parley.decode.tcp;
