/** Headless command line (picocli): summary, show, stats, bench, export-mails. */
package dev.parley.cli;
