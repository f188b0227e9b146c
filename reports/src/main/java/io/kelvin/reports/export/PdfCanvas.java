package io.kelvin.reports.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Pages of a report PDF and a cursor on them: A4 landscape, coordinates in points from the bottom
 * left, {@link #y} the top of the next thing to draw. Text uses the standard Helvetica fonts, which
 * need no embedding (so no font bytes or subset names vary); characters they cannot show are
 * written as '?'. Every page carries a footer line.
 */
final class PdfCanvas implements AutoCloseable {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 36;
    static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document;
    private final String footer;
    private PDPageContentStream stream;
    private int pages;
    float y;

    PdfCanvas(PDDocument document, String footer) {
        this.document = document;
        this.footer = printable(footer);
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    PDPageContentStream stream() {
        return stream;
    }

    void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            pages++;
            text(footer + "   page " + pages, MARGIN, MARGIN / 2, REGULAR, 7);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin. */
    void ensure(float height) {
        if (stream == null || y - height < MARGIN) {
            newPage();
        }
    }

    void text(String text, float x, float baseline, PDFont font, float size) {
        try {
            // charts leave their colours set: text is always black
            stream.setNonStrokingColor(0f, 0f, 0f);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable(text));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A heading at the cursor, which moves below it. */
    void heading(String text, float size) {
        ensure(size * 2.5f);
        y -= size;
        text(text, left(), y, BOLD, size);
        y -= size * 0.8f;
    }

    static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} broken into lines no wider than {@code maxWidth}, at spaces where it can be. */
    static List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= maxWidth || line.isEmpty() && width(word, font, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word, font, size) > maxWidth && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font, size) > maxWidth) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with every character Helvetica's WinAnsi encoding lacks replaced by '?'. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c < 0x20 ? ' ' : (c <= 0x7E || (c >= 0xA0 && c <= 0xFF)) ? (char) c : '?'));
        return out.toString();
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() {
        try {
            closeStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
