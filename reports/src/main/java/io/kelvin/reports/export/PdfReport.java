package io.kelvin.reports.export;

import io.kelvin.reports.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A report as PDF (Apache PDFBox): title, the report's identity, the two charts, then every table.
 * Byte-reproducible: the document information holds no dates or producer, fonts are the standard
 * ones (not embedded), and the trailer ID is fixed to a hash of the data tables instead of the
 * time-seeded ID a writer would otherwise make up.
 */
public final class PdfReport {

    private PdfReport() {
    }

    public static byte[] write(Report report, List<Table> tables) {
        String digest = tables.get(0).rows().getLast().get(1).shown();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Energy report " + report.site().info().id() + " " + report.period().label());
            info.setCreator("Kelvin");
            document.setDocumentInformation(info);
            try (PdfCanvas canvas = new PdfCanvas(document, "Kelvin energy report  " + report.site().info().id() + "  "
                    + report.period().label() + "  data digest " + digest.substring(0, Math.min(16, digest.length())))) {
                canvas.newPage();
                title(canvas, report);
                PdfTables.draw(canvas, tables.get(0));
                PdfCharts.draw(canvas, report);
                for (Table table : tables.subList(1, tables.size())) {
                    PdfTables.draw(canvas, table);
                }
            }
            document.getDocument().setDocumentID(documentId(digest));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF", e);
        }
    }

    /** A PDF file identifier (ISO 32000-1, 14.4) from the data digest: both halves the first 16 bytes of it. */
    private static COSArray documentId(String digestHex) {
        byte[] id = HexFormat.of().parseHex(digestHex.substring(0, 32));
        COSArray array = new COSArray();
        array.add(new COSString(id));
        array.add(new COSString(id));
        return array;
    }

    private static void title(PdfCanvas canvas, Report report) {
        canvas.y -= 16;
        canvas.text("Energy and sustainability report", canvas.left(), canvas.y, PdfCanvas.BOLD, 16);
        canvas.y -= 16;
        canvas.text(report.site().info().name() + " (" + report.site().info().id() + "), " + report.period().label() + ", "
                + report.designation().label(), canvas.left(), canvas.y, PdfCanvas.REGULAR, 10);
        canvas.y -= 10;
    }
}
