/**
 * Test support shared by all test packages: synthetic capture generation, raw Ethernet/IPv4/UDP frame building, a
 * private Dovecot POP3 server, and a floor measurement for the reading thread ({@link ReadingFloor}).
 */
package dev.parley.testsupport;
