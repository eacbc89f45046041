package dev.parley.decode.isup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IsupParserTest {

    /** The IAM of the corpus file heplify_sip_sctp.pcap, written out by hand (Q.763 layout). */
    static final byte[] IAM = {
            0x01, 0x00, 0x01, 0x20, 0x0a, 0x00, 0x02, 0x0a,
            0x08, (byte) 0x83, 0x10, 0x29, 0x57, (byte) 0x98, 0x00, 0x00, 0x0f,
            0x0a, 0x07, 0x03, 0x13, 0x19, 0x17, 0x69, 0x19, 0x63,
            0x00};

    @Test
    void iamNumbers() {
        IsupMessage m = IsupParser.parse(Bytes.of(IAM));
        assertThat(m.type()).isEqualTo(1);
        assertThat(m.typeName()).isEqualTo("IAM");
        assertThat(m.problems()).isEmpty();
        IsupNumber called = m.calledParty();
        assertThat(called.digits()).isEqualTo("9275890000F");
        assertThat(called.odd()).isTrue();
        assertThat(called.natureOfAddress()).isEqualTo(3);
        assertThat(called.natureOfAddressName()).isEqualTo("national (significant) number");
        assertThat(called.numberingPlan()).isEqualTo(1);
        IsupNumber calling = m.callingParty();
        assertThat(calling.digits()).isEqualTo("9171969136");
        assertThat(calling.odd()).isFalse();
        assertThat(calling.presentation()).isZero();
        assertThat(calling.screening()).isEqualTo(3);
        assertThat(m.optionalParameterCodes()).containsExactly(0x0a);
    }

    @Test
    void otherTypesAndRelease() {
        assertThat(IsupParser.parse(Bytes.of(new byte[] {0x06, 0x14, 0x16, 0x01, 0x00})).typeName()).isEqualTo("ACM");
        assertThat(IsupParser.parse(Bytes.of(new byte[] {0x09, 0x00})).typeName()).isEqualTo("ANM");
        assertThat(IsupParser.parse(Bytes.of(new byte[] {0x10, 0x00})).typeName()).isEqualTo("RLC");
        assertThat(IsupParser.parse(Bytes.of(new byte[] {0x2c, 0x01, 0x00})).typeName()).isEqualTo("CPG");
        // REL: pointer 2, optional pointer 0, cause length 2: location 0x80|public, cause 16 normal clearing
        IsupMessage rel = IsupParser.parse(Bytes.of(new byte[] {0x0c, 0x02, 0x00, 0x02, (byte) 0x82, (byte) 0x90}));
        assertThat(rel.typeName()).isEqualTo("REL");
        assertThat(rel.causeValue()).isEqualTo(16);
        assertThat(IsupParser.parse(Bytes.of(new byte[] {(byte) 0xee})).typeName()).isEqualTo("UNKNOWN(0xEE)");
    }

    @Test
    void truncatedNeverThrows() {
        for (int cut = 0; cut <= IAM.length; cut++) {
            IsupMessage m = IsupParser.parse(Bytes.of(Arrays.copyOf(IAM, cut)));
            if (cut < IAM.length - 1 && cut > 0) {
                assertThat(m.problems()).as("cut %d", cut).isNotEmpty();
            }
        }
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            if (b.length > 0) {
                b[0] = (byte) (r.nextBoolean() ? 0x01 : 0x0c);
            }
            IsupParser.parse(Bytes.of(b));
        }
    }
}
