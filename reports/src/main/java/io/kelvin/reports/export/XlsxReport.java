package io.kelvin.reports.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an XLSX workbook (Apache POI): one sheet per table, a bold header row, numbers as
 * numeric cells formatted with the decimals they are shown with. Byte-reproducible: the document's
 * created date is left out and every entry of the zip gets the same fixed time, because POI stamps
 * both with the current time.
 */
public final class XlsxReport {

    /** The time stamped on every zip entry: the earliest a zip (DOS) time can hold. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** Excel's column unit is 1/256 of a character width. */
    private static final int CHAR = 256;

    private XlsxReport() {
    }

    public static byte[] write(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.empty());
            workbook.getProperties().getCoreProperties().setCreator("Kelvin");
            Styles styles = new Styles(workbook);
            for (Table table : tables) {
                sheet(workbook, table, styles);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return withFixedEntryTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write XLSX", e);
        }
    }

    private static void sheet(Workbook workbook, Table table, Styles styles) {
        Sheet sheet = workbook.createSheet(table.title());
        Row header = sheet.createRow(0);
        int[] widths = new int[table.header().size()];
        for (int c = 0; c < table.header().size(); c++) {
            org.apache.poi.ss.usermodel.Cell cell = header.createCell(c);
            cell.setCellValue(table.header().get(c));
            cell.setCellStyle(styles.header);
            widths[c] = table.header().get(c).length();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Cell> cells = table.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                switch (cells.get(c)) {
                    case Cell.Text text -> cell.setCellValue(text.text());
                    case Cell.Number number -> {
                        cell.setCellValue(number.value().doubleValue());
                        cell.setCellStyle(styles.number(number.decimals()));
                    }
                }
                widths[c] = Math.max(widths[c], cells.get(c).shown().length());
            }
        }
        // widths from the text lengths: autoSizeColumn would measure with the machine's fonts
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(80, widths[c] + 2) * CHAR);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Rewrites the zip with the same entries in the same order, each stamped {@link #ENTRY_TIME}. */
    private static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Cell styles, one per number of decimals. */
    private static final class Styles {
        private final Workbook workbook;
        private final CellStyle header;
        private final Map<Integer, CellStyle> numbers = new HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
        }

        CellStyle number(int decimals) {
            return numbers.computeIfAbsent(decimals, d -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(d == 0 ? "0" : "0." + "0".repeat(d)));
                return style;
            });
        }
    }
}
