package dev.parley.view.export;

/** What an export takes from the window: the selected sessions, the selected message, or the session list. */
public enum ExportSubject {
    /** The ladder of the selected sessions (the one the screen shows). */
    DIAGRAM("Diagram of the selected sessions"),
    /** The frames of the selected sessions. */
    PACKETS("Packets of the selected sessions"),
    /** One HTML file: timings, ladder and messages of the selected sessions. */
    REPORT("HTML report of the selected sessions"),
    /** Every message of the selected sessions as text. */
    MESSAGES("Messages of the selected sessions"),
    /** The message selected in the ladder as text. */
    MESSAGE("Selected message"),
    /** The visible rows and columns of the session list. */
    LIST("Session list");

    private final String title;

    ExportSubject(String title) {
        this.title = title;
    }

    /** Dialog title and menu text, e.g. "Diagram of the selected sessions". */
    public String title() {
        return title;
    }

    /** True when the export reads the selected sessions. */
    public boolean ofSessions() {
        return this != MESSAGE && this != LIST;
    }
}
