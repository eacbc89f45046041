/** Headless command line (picocli): summary, show, stats, bench. */
package dev.parley.cli;
