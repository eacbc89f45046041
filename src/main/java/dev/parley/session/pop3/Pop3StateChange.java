package dev.parley.session.pop3;

import dev.parley.decode.pop3.Pop3State;

/** The session entered {@code state} with the reply in {@code frame}. */
public record Pop3StateChange(Pop3State state, long frame, long timestampNanos) {
}
