package dev.parley.session.sip;

/**
 * The pager messages (SIP MESSAGE, RFC 3428) of every session, one row each in columns instead of one
 * {@link PagerMessage} object and list per session ({@link PagerMessage} is a view made on demand, see
 * {@link CallTable} for why). A session keeps its newest pager message's number; each the number of the same
 * session's one before it. An evicted session's are given back and their numbers reused. Written by
 * {@link SessionViews} only.
 */
final class PagerTable {
    private final PagedColumn.Numbers numbers = new PagedColumn.Numbers();
    private final PagedColumn.Ints before = new PagedColumn.Ints();
    private final PagedColumn.Ints request = new PagedColumn.Ints();
    /** The first final response's row + 1, 0 while unanswered. */
    private final PagedColumn.Ints response = new PagedColumn.Ints();
    private final PagedColumn.Refs<String> from = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> to = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> fromDisplay = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> text = new PagedColumn.Refs<>();

    /** A MESSAGE request (its row) of a session whose newest pager message is {@code before}; returns its number. */
    int add(int before, int requestRow, String fromUser, String toUser, String display, String preview) {
        int p = numbers.take();
        this.before.set(p, before);
        request.set(p, requestRow);
        response.set(p, 0);
        from.set(p, fromUser);
        to.set(p, toUser);
        fromDisplay.set(p, display);
        text.set(p, preview);
        return p;
    }

    /** Gives an evicted session's pager message back; its number will be reused. */
    void release(int p) {
        from.set(p, null);
        to.set(p, null);
        fromDisplay.set(p, null);
        text.set(p, null);
        numbers.giveBack(p);
    }

    /** The same session's pager message before {@code p}, -1 for its first. */
    int before(int p) {
        return before.get(p);
    }

    int request(int p) {
        return request.get(p);
    }

    /** The first final response's row, -1 while unanswered. */
    int response(int p) {
        return response.get(p) - 1;
    }

    /** The first final response (its row) answers it; later ones do not change that. */
    void answer(int p, int row) {
        if (response.get(p) == 0) {
            response.set(p, row + 1);
        }
    }

    String from(int p) {
        return from.get(p);
    }

    String to(int p) {
        return to.get(p);
    }

    String fromDisplay(int p) {
        return fromDisplay.get(p);
    }

    String text(int p) {
        return text.get(p);
    }
}
