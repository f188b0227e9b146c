package io.kelvin.reports.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link Table} across the page width: columns sized by their content (short columns at
 * their natural width, long ones sharing the rest and wrapping), a bold header repeated on every
 * page the table runs onto, numbers right-aligned.
 */
final class PdfTables {

    private static final float SIZE = 7.5f;
    private static final float LEADING = 9.5f;
    private static final float PAD = 3;
    /** A column wider than this at its natural width wraps. */
    private static final float MAX_NATURAL = 150;

    private PdfTables() {
    }

    static void draw(PdfCanvas canvas, Table table) {
        // a heading stays with its header and first rows
        canvas.ensure(11 * 2.5f + 12 * LEADING);
        canvas.heading(table.title(), 11);
        float[] widths = widths(canvas, table);
        drawHeader(canvas, table, widths);
        for (List<Cell> row : table.rows()) {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < row.size(); c++) {
                List<String> wrapped = PdfCanvas.wrap(row.get(c).shown(), PdfCanvas.REGULAR, SIZE, widths[c] - 2 * PAD);
                lines.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            if (canvas.y - height * LEADING - PAD < PdfCanvas.MARGIN) {
                canvas.newPage();
                drawHeader(canvas, table, widths);
            }
            drawRow(canvas, row, lines, widths, height);
        }
        canvas.y -= LEADING;
    }

    private static void drawHeader(PdfCanvas canvas, Table table, float[] widths) {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<String> wrapped = PdfCanvas.wrap(table.header().get(c), PdfCanvas.BOLD, SIZE, widths[c] - 2 * PAD);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        canvas.ensure(height * LEADING + 3 * LEADING);
        float x = canvas.left();
        for (int c = 0; c < widths.length; c++) {
            for (int l = 0; l < lines.get(c).size(); l++) {
                canvas.text(lines.get(c).get(l), x + PAD, canvas.y - (l + 1) * LEADING + 2, PdfCanvas.BOLD, SIZE);
            }
            x += widths[c];
        }
        canvas.y -= height * LEADING + PAD;
        rule(canvas, 0.8f);
    }

    private static void drawRow(PdfCanvas canvas, List<Cell> row, List<List<String>> lines, float[] widths, int height) {
        float x = canvas.left();
        for (int c = 0; c < row.size(); c++) {
            boolean number = row.get(c) instanceof Cell.Number;
            for (int l = 0; l < lines.get(c).size(); l++) {
                String text = lines.get(c).get(l);
                float tx = number ? x + widths[c] - PAD - PdfCanvas.width(text, PdfCanvas.REGULAR, SIZE) : x + PAD;
                canvas.text(text, tx, canvas.y - (l + 1) * LEADING + 2, PdfCanvas.REGULAR, SIZE);
            }
            x += widths[c];
        }
        canvas.y -= height * LEADING + PAD;
        rule(canvas, 0.3f);
    }

    private static void rule(PdfCanvas canvas, float lineWidth) {
        try {
            canvas.stream().setLineWidth(lineWidth);
            canvas.stream().setStrokingColor(0.6f, 0.6f, 0.6f);
            canvas.stream().moveTo(canvas.left(), canvas.y + 1);
            canvas.stream().lineTo(canvas.left() + canvas.width(), canvas.y + 1);
            canvas.stream().stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Natural widths for short columns; long columns share what is left in proportion to their length. */
    private static float[] widths(PdfCanvas canvas, Table table) {
        int n = table.header().size();
        float[] natural = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = longestWord(table.header().get(c), PdfCanvas.BOLD) + 2 * PAD;
            for (List<Cell> row : table.rows()) {
                natural[c] = Math.max(natural[c], PdfCanvas.width(row.get(c).shown(), PdfCanvas.REGULAR, SIZE) + 2 * PAD);
            }
        }
        float fixed = 0;
        float wide = 0;
        for (float w : natural) {
            if (w <= MAX_NATURAL) {
                fixed += w;
            } else {
                wide += w;
            }
        }
        float[] widths = new float[n];
        float left = canvas.width() - fixed;
        for (int c = 0; c < n; c++) {
            widths[c] = natural[c] <= MAX_NATURAL ? natural[c] : Math.max(40, left * natural[c] / wide);
        }
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        if (total > canvas.width()) {
            // too wide: first narrow the columns that wrap at spaces, down to their longest word, so
            // numbers and single words keep their width
            float[] least = new float[n];
            float slack = 0;
            for (int c = 0; c < n; c++) {
                least[c] = longestWord(table.header().get(c), PdfCanvas.BOLD) + 2 * PAD;
                for (List<Cell> row : table.rows()) {
                    least[c] = Math.max(least[c], longestWord(row.get(c).shown(), PdfCanvas.REGULAR) + 2 * PAD);
                }
                least[c] = Math.min(least[c], widths[c]);
                slack += widths[c] - least[c];
            }
            float share = Math.min(1, (total - canvas.width()) / Math.max(slack, 1e-3f));
            total = 0;
            for (int c = 0; c < n; c++) {
                widths[c] -= (widths[c] - least[c]) * share;
                total += widths[c];
            }
        }
        if (total > canvas.width()) {
            for (int c = 0; c < n; c++) {
                widths[c] *= canvas.width() / total;
            }
        }
        return widths;
    }

    private static float longestWord(String text, PDFont font) {
        float longest = 0;
        for (String word : text.split(" ")) {
            longest = Math.max(longest, PdfCanvas.width(word, font, SIZE));
        }
        return longest;
    }
}
