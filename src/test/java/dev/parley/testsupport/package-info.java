/** Test support shared by all test packages: synthetic capture generation and raw Ethernet/IPv4/UDP frame building. */
package dev.parley.testsupport;
