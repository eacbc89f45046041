package dev.parley.view.export;

/** Default export file names: a Call-ID or capture name made safe for any file system. */
final class FileNames {
    static final int MAX_LENGTH = 100;

    private FileNames() {
    }

    /** Letters, digits, '.', '-' and '_' kept; anything else (an '@', '/', ':', spaces) becomes one '_'. */
    static String sanitise(String name) {
        StringBuilder b = new StringBuilder(Math.min(name == null ? 0 : name.length(), MAX_LENGTH));
        if (name != null) {
            for (int i = 0; i < name.length() && b.length() < MAX_LENGTH; i++) {
                char c = name.charAt(i);
                boolean keep = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
                if (keep) {
                    b.append(c);
                } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
            }
        }
        // no hidden files, no trailing separators
        int start = 0;
        while (start < b.length() && (b.charAt(start) == '.' || b.charAt(start) == '_')) {
            start++;
        }
        int end = b.length();
        while (end > start && (b.charAt(end - 1) == '.' || b.charAt(end - 1) == '_')) {
            end--;
        }
        return start == end ? "export" : b.substring(start, end);
    }

    /** A capture's name without its capture extensions: "calls.pcapng.gz" gives "calls". */
    static String captureBase(String fileName) {
        String n = fileName;
        for (String ext : new String[] {".gz", ".pcapng", ".pcap", ".cap"}) {
            if (n.length() > ext.length() && n.regionMatches(true, n.length() - ext.length(), ext, 0, ext.length())) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
