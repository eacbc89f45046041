package dev.parley.view.callflow;

/** How a session's state badge is coloured: the view maps each tone to a CSS class. */
public enum Tone { NEUTRAL, PROGRESS, ACTIVE, SUCCESS, WARNING, FAILURE }
