package org.zhengwu.shared.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file read whole: a header row naming the columns, then data rows. Quoted fields may hold commas, quotes
 * ({@code ""}) and line breaks. Lines are numbered as a spreadsheet shows them (header = line 1).
 */
public final class CsvTable {

    /** A data row with the line it started on. */
    public record Row(int line, List<String> cells, Map<String, Integer> columns) {
        /** The trimmed value of a column, empty when the row is shorter than the header. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return index < cells.size() ? cells.get(index).strip() : "";
        }
    }

    /** The file could not be read as CSV at all (not UTF-8, unbalanced quotes). */
    public static final class MalformedCsvException extends Exception {
        private final String messageKey;
        private final int line;

        MalformedCsvException(String messageKey, int line) {
            super(messageKey + " at line " + line);
            this.messageKey = messageKey;
            this.line = line;
        }

        public String messageKey() {
            return messageKey;
        }

        public int line() {
            return line;
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(InputStream input) throws MalformedCsvException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(input.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedCsvException("csv.not-utf8", 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        parse(text, records, startLines);
        if (records.isEmpty()) {
            throw new MalformedCsvException("csv.empty", 1);
        }
        List<String> header = records.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            boolean blank = cells.stream().allMatch(String::isBlank);
            if (!blank) {
                rows.add(new Row(startLines.get(i), List.copyOf(cells), Map.copyOf(columns)));
            }
        }
        return new CsvTable(List.copyOf(header), List.copyOf(rows));
    }

    private static void parse(String text, List<List<String>> records, List<Integer> startLines)
            throws MalformedCsvException {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                startLines.add(recordLine);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new MalformedCsvException("csv.unclosed-quote", recordLine);
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            startLines.add(recordLine);
        }
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The required columns the header lacks. */
    public List<String> missingColumns(List<String> required) {
        return required.stream().filter(c -> !header.contains(c)).toList();
    }
}
