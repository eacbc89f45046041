package dev.parley.view.message;

import dev.parley.decode.Bytes;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/**
 * One hex dump row: offset, 16 bytes in hex, their ASCII, the selected range highlighted in both columns. Label
 * segments (before / selected / after) keep it a handful of nodes per row; the list is virtualised.
 */
final class HexRowCell extends ListCell<Integer> {
    static final int PER_ROW = 16;

    private final Supplier<Bytes> bytes;
    private final Supplier<ByteRange> range;
    private final Label offset = label(MessageDetailView.HEX_OFFSET_CLASS);
    private final Label hexBefore = label(null);
    private final Label hexSelected = label(MessageDetailView.HIGHLIGHT_CLASS);
    private final Label hexAfter = label(null);
    private final Label asciiBefore = label(MessageDetailView.HEX_ASCII_CLASS);
    private final Label asciiSelected = label(MessageDetailView.HIGHLIGHT_CLASS);
    private final Label asciiAfter = label(MessageDetailView.HEX_ASCII_CLASS);
    private final HBox box = new HBox(offset, hexBefore, hexSelected, hexAfter, label(null), asciiBefore,
            asciiSelected, asciiAfter);

    HexRowCell(Supplier<Bytes> bytes, Supplier<ByteRange> range) {
        this.bytes = bytes;
        this.range = range;
        asciiSelected.getStyleClass().add(MessageDetailView.HEX_ASCII_CLASS);
        ((Label) box.getChildren().get(4)).setText("  ");
        getStyleClass().add(MessageDetailView.HEX_ROW_CLASS);
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    @Override
    protected void updateItem(Integer row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        Bytes b = bytes.get();
        ByteRange r = range.get();
        int start = row * PER_ROW;
        int end = Math.min(b.length(), start + PER_ROW);
        int selFrom = r.isEmpty() ? end : Math.max(start, Math.min(end, r.offset()));
        int selTo = r.isEmpty() ? end : Math.max(selFrom, Math.min(end, r.end()));
        offset.setText(BodyNodes.hex4(start) + "  ");
        // separators sit outside the highlighted bytes: "41 6c" is highlighted, not "41 6c "
        hexBefore.setText(hex(b, start, selFrom, start) + (selFrom > start && selFrom < end ? sep(selFrom - start) : ""));
        hexSelected.setText(hex(b, selFrom, selTo, start));
        hexAfter.setText((selTo > selFrom && selTo > start && selTo < end ? sep(selTo - start) : "")
                + hex(b, selTo, end, start) + pad(end - start));
        asciiBefore.setText(ascii(b, start, selFrom));
        asciiSelected.setText(ascii(b, selFrom, selTo));
        asciiAfter.setText(ascii(b, selTo, end));
        setGraphic(box);
    }

    /** Hex of [from, to), bytes separated as in the row. */
    private static String hex(Bytes b, int from, int to, int rowStart) {
        StringBuilder sb = new StringBuilder((to - from) * 3 + 1);
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(sep(i - rowStart));
            }
            sb.append(BodyNodes.hex2(b.u8(i)));
        }
        return sb.toString();
    }

    /** The blank before the byte at {@code column}: two in the middle of the row. */
    private static String sep(int column) {
        return column == 8 ? "  " : " ";
    }

    /** Blanks so a short last row keeps the ASCII column aligned. */
    private static String pad(int count) {
        if (count >= PER_ROW) {
            return "";
        }
        int missing = (PER_ROW - count) * 3 + (count <= 8 ? 1 : 0);
        return " ".repeat(missing);
    }

    private static String ascii(Bytes b, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int c = b.u8(i);
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.toString();
    }
}
