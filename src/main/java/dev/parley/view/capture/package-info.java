/** The live-capture window: interface picker, filter and limits, start/stop/restart, live counters, save. */
package dev.parley.view.capture;
