package dev.parley.session.sip;

import java.util.Objects;

/**
 * Tag identity across a session's messages. A message keeps its From and To tags as small slots into the session's
 * distinct tags ({@link SipSession#slotTag}); past the slots a tag is stored as text (TAG_OVERFLOW), so comparing two
 * tags compares slots when it can and the text otherwise.
 */
final class TagSlots {
    private TagSlots() {
    }

    /** The From (which 0) or To (1) tag of a row of the session. */
    static String tag(SipSession session, int row, int which, int slot) {
        return slot == MessageTable.TAG_OVERFLOW ? session.table().overflowTag(row, which) : session.slotTag(slot);
    }

    static boolean same(SipSession session, int slotA, String textA, int slotB, String textB) {
        if (slotA != MessageTable.TAG_OVERFLOW && slotB != MessageTable.TAG_OVERFLOW) {
            return slotA == slotB;
        }
        String a = slotA == MessageTable.TAG_OVERFLOW ? textA : session.slotTag(slotA);
        String b = slotB == MessageTable.TAG_OVERFLOW ? textB : session.slotTag(slotB);
        return a == null ? b == null : a.equals(b);
    }

    /** True when two rows of the session have the same To tag (or both none). */
    static boolean sameToTag(SipSession session, int rowA, int rowB) {
        MessageTable table = session.table();
        int a = table.toSlot(rowA);
        int b = table.toSlot(rowB);
        if (a != MessageTable.TAG_OVERFLOW && b != MessageTable.TAG_OVERFLOW) {
            return a == b;
        }
        return Objects.equals(tag(session, rowA, 1, a), tag(session, rowB, 1, b));
    }
}
