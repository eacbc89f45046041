package dev.parley.decode.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** mime4j behind our records: encoded words, part tree, attachments, charsets, base64 and quoted-printable. */
class MimeParserTest {
    private static final String MAIL = """
            From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>\r
            To: bob@example.org\r
            Subject: =?UTF-8?B?Q2Fmw6kgcG91ciB0b2k=?=\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="XX"\r
            \r
            --XX\r
            Content-Type: text/plain; charset=ISO-8859-1\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Caf=E9 cr=E8me=\r
             ok\r
            --XX\r
            Content-Type: application/octet-stream; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.bin?="\r
            Content-Disposition: attachment; filename="=?UTF-8?Q?r=C3=A9sum=C3=A9.bin?="\r
            Content-Transfer-Encoding: base64\r
            \r
            AAECAwQF\r
            --XX--\r
            """;

    @Test
    void headersPartsAndAttachmentsAreDecoded() {
        MimeMessage m = MimeParser.parse(MAIL.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(m.subject()).isEqualTo("Café pour toi");
        assertThat(m.from()).isEqualTo("André <andre@example.org>");
        assertThat(m.header("to")).isEqualTo("bob@example.org");
        assertThat(m.root().mimeType()).isEqualTo("multipart/mixed");
        assertThat(m.root().children()).hasSize(2);
        MimePart text = m.textPart();
        assertThat(text.charset()).isEqualToIgnoringCase("ISO-8859-1");
        assertThat(text.transferEncoding()).isEqualTo("quoted-printable");
        assertThat(text.text()).startsWith("Café crème ok");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("résumé.bin");
            assertThat(a.size()).isEqualTo(6);
            assertThat(a.content()).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(a.mimeType()).isEqualTo("application/octet-stream");
        });
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void brokenMailsStillParse() {
        MimeMessage m = MimeParser.parse("Subject: x\r\nContent-Type: text/plain; charset=x-nonsense\r\n\r\nhi\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(m.textPart().text()).isEqualTo("hi\r\n");
        assertThat(m.problems()).anyMatch(p -> p.contains("x-nonsense"));
        MimeMessage junk = MimeParser.parse(new byte[] {0, 1, 2, (byte) 0xff, '\n'});
        assertThat(junk.root()).isNotNull();
    }
}
