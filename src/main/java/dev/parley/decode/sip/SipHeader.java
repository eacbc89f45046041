package dev.parley.decode.sip;

/**
 * One header line as written, folded continuation lines included.
 *
 * @param name        the name as written ("i", "call-id", "Call-ID")
 * @param fullName    the canonical full name ("Call-ID" for "i"; the written name for unknown headers)
 * @param value       the value, trimmed, folds replaced by one space (UTF-8)
 * @param raw         the raw text of the header, folds kept, line end excluded
 * @param offset      offset of the header's first byte in the message
 * @param length      bytes of the header up to (not including) its final line end
 * @param valueOffset offset of the value's first byte in the message
 */
public record SipHeader(String name, String fullName, String value, String raw, int offset, int length,
                        int valueOffset) {

    /** True when this header has the given name, full or compact, any case. */
    public boolean is(String headerName) {
        return fullName.equalsIgnoreCase(HeaderNames.canonical(headerName));
    }
}
