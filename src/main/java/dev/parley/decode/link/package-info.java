/** Link layers: Ethernet with 802.1Q/QinQ, Linux SLL/SLL2, BSD NULL/LOOP, raw IP. */
package dev.parley.decode.link;
