/** Pure-Java readers for pcap, pcapng and gzip-compressed captures (no native library). */
package dev.parley.capture.file;
