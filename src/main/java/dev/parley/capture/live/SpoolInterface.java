package dev.parley.capture.live;

/** One interface description block of the spool: the pcapng interface id is the position in the list. */
record SpoolInterface(String name, int linkType, int snaplen) {
}
