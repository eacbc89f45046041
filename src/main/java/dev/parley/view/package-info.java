/** JavaFX views of a capture: the main window's parts, its status bar, themes; one View + ViewModel per feature. */
package dev.parley.view;
