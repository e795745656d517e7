package org.zhengwu.basedata.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.zhengwu.shared.csv.CsvTable;

/**
 * The rows of an import file, header first: CSV (UTF-8, read by {@link CsvTable}) or the first sheet of an .xlsx
 * workbook, read as a stream of SAX events (XSSF event API) so that a large sheet is never held as a whole. Cells
 * are read as the spreadsheet shows them (its display format); dates are best typed as text YYYY-MM-DD.
 */
final class ImportFileRows {

    /** The file cannot be read at all; the message key says why. */
    static final class UnreadableFileException extends Exception {
        private final String messageKey;
        private final int line;

        UnreadableFileException(String messageKey, int line, Throwable cause) {
            super(messageKey, cause);
            this.messageKey = messageKey;
            this.line = line;
        }

        String messageKey() {
            return messageKey;
        }

        int line() {
            return line;
        }
    }

    /** Receives the header, then each data row. */
    interface Rows {
        void header(List<String> columns);

        void row(CsvTable.Row row);
    }

    private ImportFileRows() {}

    static void read(String kind, byte[] content, Rows rows) throws UnreadableFileException {
        if (kind.equals("xlsx")) {
            readXlsx(content, rows);
        } else {
            readCsv(content, rows);
        }
    }

    private static void readCsv(byte[] content, Rows rows) throws UnreadableFileException {
        CsvTable table;
        try {
            table = CsvTable.read(new ByteArrayInputStream(content));
        } catch (CsvTable.MalformedCsvException e) {
            throw new UnreadableFileException(e.messageKey(), e.line(), e);
        }
        rows.header(table.header());
        table.rows().forEach(rows::row);
    }

    private static void readXlsx(byte[] content, Rows rows) throws UnreadableFileException {
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("basedata.import.no-sheet", 1, null);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = SAXHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new SheetRows(rows), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableFileException("basedata.import.unreadable-xlsx", 1, e);
        }
    }

    /** Turns the sheet's cell events into rows; the first non-empty row is the header. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private Map<String, Integer> columns;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null) {
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return;
                }
                List<String> header =
                        cells.stream().map(c -> c == null ? "" : c.strip()).toList();
                Map<String, Integer> byName = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    byName.putIfAbsent(header.get(i), i);
                }
                columns = Collections.unmodifiableMap(byName);
                rows.header(header);
                return;
            }
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            List<String> values = cells.stream().map(c -> c == null ? "" : c).toList();
            rows.row(new CsvTable.Row(rowNum + 1, values, columns));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }

    /** Lists the data rows, for tests and small files. */
    static List<CsvTable.Row> all(String kind, byte[] content) throws UnreadableFileException {
        List<CsvTable.Row> all = new ArrayList<>();
        read(kind, content, new Rows() {
            @Override
            public void header(List<String> columns) {}

            @Override
            public void row(CsvTable.Row row) {
                all.add(row);
            }
        });
        return all;
    }
}
