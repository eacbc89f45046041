/** The session list (SIP and POP3): immutable rows copied from the engine while loading, filtered, sorted, multi-selected. */
package dev.parley.view.sessions;
