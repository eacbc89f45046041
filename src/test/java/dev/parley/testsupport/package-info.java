/**
 * Test support shared by all test packages: synthetic capture generation, raw Ethernet/IPv4/UDP frame building, a
 * private Dovecot POP3 server.
 */
package dev.parley.testsupport;
