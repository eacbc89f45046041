/** Call flow summary of one SIP session: parties, state timeline, timings, negotiated media, non-call details. */
package dev.parley.view.callflow;
