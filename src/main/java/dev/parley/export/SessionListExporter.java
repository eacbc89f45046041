package dev.parley.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.parley.session.SessionSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The session list as CSV or JSON: the rows given (those the current filter shows, in its order) and the columns
 * given (the visible ones, in their order). CSV has a header row of column ids and RFC 4180 quoting; JSON is an array
 * of objects keyed by column id, numbers as numbers and null where a value does not apply. Durations are seconds.
 */
public final class SessionListExporter {
    private static final JsonFactory JSON = new JsonFactory();

    private SessionListExporter() {
    }

    public static void csv(List<SessionSummary> rows, List<SessionColumn> columns, Redactor redactor, Writer out)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(SessionColumn::id).toArray(String[]::new)).build();
        CSVPrinter csv = new CSVPrinter(out, format);
        for (SessionSummary s : rows) {
            for (SessionColumn c : columns) {
                Object v = c.value(s, redactor);
                csv.print(v == null ? "" : v);
            }
            csv.println();
        }
        csv.flush();
    }

    public static void json(List<SessionSummary> rows, List<SessionColumn> columns, Redactor redactor, Writer out)
            throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (SessionSummary s : rows) {
            g.writeStartObject();
            for (SessionColumn c : columns) {
                Object v = c.value(s, redactor);
                g.writeFieldName(c.id());
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Integer i) {
                    g.writeNumber(i);
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.flush();
    }
}
