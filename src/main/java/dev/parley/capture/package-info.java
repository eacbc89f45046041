/** Frames from capture files and live interfaces, independent of what they carry. */
package dev.parley.capture;
