package io.mlops.feature.training;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes rows of named values as CSV (Commons CSV) or JSON Lines (Jackson's streaming generator). */
abstract sealed class RowWriter implements AutoCloseable {

    static RowWriter of(TrainingDataFormat format, List<String> header, Writer out, JsonMapper json) throws IOException {
        return format == TrainingDataFormat.CSV ? new Csv(header, out) : new JsonLines(header, out, json);
    }

    abstract void row(Object[] values) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static final class Csv extends RowWriter {

        private final CSVPrinter printer;

        Csv(List<String> header, Writer out) throws IOException {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        }

        @Override
        void row(Object[] values) throws IOException {
            printer.printRecord(values);
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    static final class JsonLines extends RowWriter {

        private final List<String> header;
        private final Writer out;
        private final JsonGenerator generator;

        JsonLines(List<String> header, Writer out, JsonMapper json) {
            this.header = header;
            this.out = out;
            this.generator = json.createGenerator(out);
        }

        @Override
        void row(Object[] values) throws IOException {
            generator.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                generator.writeName(header.get(i));
                writeValue(values[i]);
            }
            generator.writeEndObject();
            generator.flush();
            out.write('\n');
        }

        private void writeValue(Object value) {
            switch (value) {
                case null -> generator.writeNull();
                case Double d -> generator.writeNumber(d);
                case Long l -> generator.writeNumber(l);
                case Integer n -> generator.writeNumber(n);
                case Boolean b -> generator.writeBoolean(b);
                default -> generator.writeString(value.toString());
            }
        }

        @Override
        public void close() throws IOException {
            generator.close();
            out.flush();
        }
    }
}
