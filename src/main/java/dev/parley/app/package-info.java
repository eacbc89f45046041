/** Composition root: the application entry points and the wiring of the layers. */
package dev.parley.app;
