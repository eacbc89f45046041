package dev.parley.decode.cpim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import org.junit.jupiter.api.Test;

class CpimParserTest {

    /** RFC 3862 section 6 example, as quoted in seed 001 (section 5). */
    private static final String RFC_EXAMPLE = """
            From: MR SANDERS <im:piglet@100akerwood.com>
            To: Depressed Donkey <im:eeyore@100akerwood.com>
            DateTime: 2000-12-13T13:40:00-08:00
            Subject: the weather will be fine today
            Subject:;lang=fr beau temps prevu pour aujourd'hui
            NS: MyFeatures <mid:MessageFeatures@id.foo.com>
            Require: MyFeatures.VitalMessageOption
            MyFeatures.VitalMessageOption: Confirmation-requested
            MyFeatures.WackyMessageOption: Use-silly-font

            Content-type: text/xml; charset=utf-8
            Content-ID: <1234567890@foo.com>

            <body>
            Here is the text of my message.
            </body>
            """.replace("\n", "\r\n");

    @Test
    void headersAndInnerPart() {
        CpimMessage m = CpimParser.parse(Bytes.ascii(RFC_EXAMPLE));
        assertThat(m.problems()).isEmpty();
        assertThat(m.from()).isEqualTo("MR SANDERS <im:piglet@100akerwood.com>");
        assertThat(m.to()).isEqualTo("Depressed Donkey <im:eeyore@100akerwood.com>");
        assertThat(m.dateTime()).isEqualTo("2000-12-13T13:40:00-08:00");
        assertThat(m.headerValues("Subject")).containsExactly("the weather will be fine today",
                ";lang=fr beau temps prevu pour aujourd'hui");
        assertThat(m.namespaces()).containsExactly("MyFeatures <mid:MessageFeatures@id.foo.com>");
        assertThat(m.require()).containsExactly("MyFeatures.VitalMessageOption");
        assertThat(m.header("MyFeatures.WackyMessageOption")).isEqualTo("Use-silly-font");
        assertThat(m.contentHeaders()).hasSize(2);
        assertThat(m.contentType()).isEqualTo("text/xml");
        assertThat(m.text()).isEqualTo("<body>\r\nHere is the text of my message.\r\n</body>\r\n");
        assertThat(RFC_EXAMPLE.substring(m.contentOffset())).startsWith("<body>");
    }

    @Test
    void lfOnlyAndMissingParts() {
        CpimMessage m = CpimParser.parse(Bytes.ascii("From: a\nTo: b\n\nContent-Type: text/plain\n\nhi"));
        assertThat(m.from()).isEqualTo("a");
        assertThat(m.text()).isEqualTo("hi");
        CpimMessage broken = CpimParser.parse(Bytes.ascii("From: a\r\nno blank line"));
        assertThat(broken.problems()).isNotEmpty();
        assertThat(broken.content().length()).isZero();
        assertThat(CpimParser.parse(Bytes.EMPTY).problems()).isNotEmpty();
    }
}
