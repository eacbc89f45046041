package dev.parley.view.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.SipMessageRef;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageDetailViewModelTest {

    @Test
    void showsTreeRawTextAndHighlightsTheSelectedRange() {
        SipMessageRef invite = SampleMessages.first("sip-call-udp.pcap", "INVITE");
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(invite, invite.bytes());

        assertThat(vm.titleProperty().get()).startsWith("Frame 1 ").contains("INVITE");
        assertThat(vm.bytesAvailableProperty().get()).isTrue();
        assertThat(vm.bytesProperty().get().length()).isEqualTo(invite.bytes().length);
        assertThat(vm.rawTextProperty().get()).startsWith("INVITE sip:bob@127.0.0.1:5060 SIP/2.0\nVia:")
                .doesNotContain("\r");
        assertThat(vm.anomalies()).isEmpty();

        DetailNode from = vm.treeProperty().get().child(DetailTreeBuilder.HEADERS).child("From");
        vm.select(from);
        assertThat(vm.selectedRangeProperty().get()).isEqualTo(new ByteRange(from.offset(), from.length()));
        String raw = vm.rawTextProperty().get();
        String highlighted = raw.substring(vm.textIndexOf(from.offset()), vm.textIndexOf(from.offset() + from.length()));
        assertThat(highlighted).startsWith("From: \"Alice\"").endsWith(invite.fromTag());

        assertThat(vm.nodeAt(from.child("tag").offset() + 2).label()).isEqualTo("tag");
        int at = vm.textIndexOf(from.offset());
        assertThat(vm.byteOffsetOf(at)).isEqualTo(from.offset());

        vm.select(null);
        assertThat(vm.selectedRangeProperty().get().isEmpty()).isTrue();
    }

    @Test
    void withoutBytesTheIndexedFieldsAreShownAndTheStatusSaysSo() {
        SipMessageRef invite = SampleMessages.first("sip-call-udp.pcap", "INVITE");
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(invite, null);
        assertThat(vm.statusProperty().get()).isEqualTo(MessageDetailViewModel.BYTES_NOT_AVAILABLE);
        assertThat(vm.rawTextProperty().get()).isEqualTo(MessageDetailViewModel.BYTES_NOT_AVAILABLE);
        assertThat(vm.bytesAvailableProperty().get()).isFalse();
        DetailNode fields = vm.treeProperty().get().child("Indexed fields");
        assertThat(fields.child("Via branch").value()).isEqualTo(invite.branch());
        vm.select(fields.child("Via branch"));
        assertThat(vm.selectedRangeProperty().get().isEmpty()).isTrue();
    }

    @Test
    void anomaliesOfABrokenMessageAreListedAndClearEmptiesEverything() {
        byte[] b = "OPTIONS sip:x@example.com SIP/2.0\r\nnot a header\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(null, b);
        assertThat(vm.anomalies()).extracting(a -> a.code()).contains("sip.header.malformed", "sip.header.missing");
        assertThat(vm.statusProperty().get()).contains("anomalies");
        vm.clear();
        assertThat(vm.treeProperty().get()).isNull();
        assertThat(vm.anomalies()).isEmpty();
        assertThat(vm.rawTextProperty().get()).isEmpty();
    }

    @Test
    void bytesThatAreNoSipSayWhat() {
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(null, new byte[] {0, 1, 2, 3});
        assertThat(vm.statusProperty().get()).startsWith("not a SIP message");
        assertThat(vm.anomalies()).hasSize(1);
        assertThat(vm.rawTextProperty().get()).hasSize(4);
    }

    @Test
    void rawTextMapsUtf8AndCrlfToCharIndexes() {
        byte[] b = "a\r\nb\u00e9c\r\n".getBytes(StandardCharsets.UTF_8);
        RawText t = RawText.of(b);
        assertThat(t.text()).isEqualTo("a\nb\u00e9c\n");
        assertThat(t.charIndex(3)).isEqualTo(2); // 'b'
        assertThat(t.charIndex(4)).isEqualTo(3); // first byte of é
        assertThat(t.charIndex(6)).isEqualTo(4); // 'c'
        assertThat(t.charIndex(b.length)).isEqualTo(t.text().length());
        assertThat(RawText.of(new byte[] {'A', 13, 10, 1, 10, 'B'}).text()).isEqualTo("A\n\u00b7\u00b7B");
    }
}
