/** The session list: immutable rows copied from the engine while loading, filtered, sorted, multi-selected. */
package dev.parley.view.sessions;
