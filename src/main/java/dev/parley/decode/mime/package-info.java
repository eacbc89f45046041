/** MIME mails (RFC 5322, 2045-2047) parsed with Apache James mime4j into small records: headers, part tree, text. */
package dev.parley.decode.mime;
