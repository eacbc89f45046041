/** Live capture through pcap4j into a pcapng spool file; the only package that imports pcap4j. */
package dev.parley.capture.live;
