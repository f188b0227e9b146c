package io.kelvin.reports.export;

import io.kelvin.reports.kpi.Completeness;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.period.PeriodKind;
import io.kelvin.reports.report.IntervalLine;
import io.kelvin.reports.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The report's two charts, drawn with PDF vector operations so they are exact and byte-stable:
 * energy per interval as bars (grid net import below, on-site generation E_DC - E_grid above), and
 * PUE per interval as a line that breaks where PUE is unavailable. An interval whose figures are
 * below the completeness threshold has faint bars, so a gap shows in the chart too.
 */
final class PdfCharts {

    private static final float HEIGHT = 150;
    private static final float AXIS = 42;
    private static final float[] GRID_COLOUR = {0.27f, 0.45f, 0.70f};
    private static final float[] ONSITE_COLOUR = {0.40f, 0.70f, 0.35f};
    private static final float[] PUE_COLOUR = {0.80f, 0.35f, 0.20f};

    private PdfCharts() {
    }

    static void draw(PdfCanvas canvas, Report report) {
        List<IntervalLine> lines = report.intervals();
        float half = (canvas.width() - 20) / 2;
        canvas.ensure(HEIGHT + 56);
        float top = canvas.y - 14;
        canvas.text("Energy per " + (report.period().monthlyIntervals() ? "month" : "day")
                + " (kWh): grid net import (blue), on-site generation (green)", canvas.left(), top, PdfCanvas.BOLD, 8);
        canvas.text("PUE per " + (report.period().monthlyIntervals() ? "month" : "day"), canvas.left() + half + 20, top,
                PdfCanvas.BOLD, 8);
        float bottom = top - 16 - HEIGHT;
        energyBars(canvas, lines, canvas.left(), bottom, half);
        pueLine(canvas, lines, canvas.left() + half + 20, bottom, half);
        canvas.y = bottom - 24;
    }

    private static void energyBars(PdfCanvas canvas, List<IntervalLine> lines, float x0, float y0, float width) {
        double max = lines.stream().mapToDouble(l -> Math.max(value(l, Kpi.E_DC).orElse(0), value(l, Kpi.E_GRID).orElse(0)))
                .max().orElse(0);
        double top = niceCeiling(max);
        axes(canvas, lines, x0, y0, width, 0, top, 0);
        float plot = width - AXIS;
        float slot = plot / Math.max(1, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            IntervalLine line = lines.get(i);
            double grid = Math.max(0, value(line, Kpi.E_GRID).orElse(0));
            double onSite = Math.max(0, value(line, Kpi.E_DC).orElse(grid) - grid);
            boolean faint = !(line.figures().get(Kpi.E_DC) instanceof Figure.Value v)
                    || v.completeness() != Completeness.COMPLETE;
            float x = x0 + AXIS + i * slot + slot * 0.15f;
            float h1 = (float) (grid / top * HEIGHT);
            float h2 = (float) (onSite / top * HEIGHT);
            bar(canvas.stream(), x, y0, slot * 0.7f, h1, GRID_COLOUR, faint);
            bar(canvas.stream(), x, y0 + h1, slot * 0.7f, h2, ONSITE_COLOUR, faint);
        }
    }

    private static void pueLine(PdfCanvas canvas, List<IntervalLine> lines, float x0, float y0, float width) {
        double max = lines.stream().mapToDouble(l -> value(l, Kpi.PUE).orElse(1)).max().orElse(2);
        double top = 1 + niceCeiling(Math.max(0.1, max - 1));
        axes(canvas, lines, x0, y0, width, 1.0, top, 2);
        float plot = width - AXIS;
        float slot = plot / Math.max(1, lines.size());
        try {
            PDPageContentStream s = canvas.stream();
            s.setStrokingColor(PUE_COLOUR[0], PUE_COLOUR[1], PUE_COLOUR[2]);
            s.setNonStrokingColor(PUE_COLOUR[0], PUE_COLOUR[1], PUE_COLOUR[2]);
            s.setLineWidth(1.2f);
            boolean drawing = false;
            for (int i = 0; i < lines.size(); i++) {
                OptionalDouble pue = value(lines.get(i), Kpi.PUE);
                if (pue.isEmpty()) {
                    drawing = false;
                    continue;
                }
                float x = x0 + AXIS + (i + 0.5f) * slot;
                float y = y0 + (float) ((pue.getAsDouble() - 1.0) / (top - 1.0) * HEIGHT);
                if (drawing) {
                    s.lineTo(x, y);
                } else {
                    s.moveTo(x, y);
                }
                drawing = true;
            }
            s.stroke();
            for (int i = 0; i < lines.size(); i++) {
                OptionalDouble pue = value(lines.get(i), Kpi.PUE);
                if (pue.isPresent()) {
                    float x = x0 + AXIS + (i + 0.5f) * slot;
                    float y = y0 + (float) ((pue.getAsDouble() - 1.0) / (top - 1.0) * HEIGHT);
                    s.addRect(x - 1.5f, y - 1.5f, 3, 3);
                }
            }
            s.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Y axis from {@code low} to {@code high} with 5 ticks, and interval labels under the x axis. */
    private static void axes(PdfCanvas canvas, List<IntervalLine> lines, float x0, float y0, float width, double low,
            double high, int decimals) {
        try {
            PDPageContentStream s = canvas.stream();
            s.setStrokingColor(0.3f, 0.3f, 0.3f);
            s.setNonStrokingColor(0f, 0f, 0f);
            s.setLineWidth(0.5f);
            s.moveTo(x0 + AXIS, y0 + HEIGHT);
            s.lineTo(x0 + AXIS, y0);
            s.lineTo(x0 + width, y0);
            s.stroke();
            for (int t = 0; t <= 5; t++) {
                double v = low + (high - low) * t / 5;
                float y = y0 + HEIGHT * t / 5;
                String label = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
                canvas.text(label, x0 + AXIS - 4 - PdfCanvas.width(label, PdfCanvas.REGULAR, 6.5f), y - 2,
                        PdfCanvas.REGULAR, 6.5f);
            }
            float slot = (width - AXIS) / Math.max(1, lines.size());
            int every = Math.max(1, (int) Math.ceil(lines.size() / 16.0));
            for (int i = 0; i < lines.size(); i += every) {
                String label = label(lines.get(i));
                canvas.text(label, x0 + AXIS + (i + 0.5f) * slot - PdfCanvas.width(label, PdfCanvas.REGULAR, 6.5f) / 2,
                        y0 - 9, PdfCanvas.REGULAR, 6.5f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(IntervalLine line) {
        return line.interval().kind() == PeriodKind.MONTH
                ? line.interval().from().getMonth().toString().substring(0, 3)
                : String.format(Locale.ROOT, "%02d-%02d", line.interval().from().getMonthValue(),
                        line.interval().from().getDayOfMonth());
    }

    /** A filled bar; a faint one (figures below the completeness threshold) is drawn at 45 % strength. */
    private static void bar(PDPageContentStream s, float x, float y, float w, float h, float[] colour, boolean faint) {
        if (h <= 0) {
            return;
        }
        float k = faint ? 0.45f : 1f;
        try {
            s.setNonStrokingColor(1 - k * (1 - colour[0]), 1 - k * (1 - colour[1]), 1 - k * (1 - colour[2]));
            s.addRect(x, y, w, h);
            s.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalDouble value(IntervalLine line, Kpi kpi) {
        return line.figures().get(kpi) instanceof Figure.Value v ? OptionalDouble.of(v.value()) : OptionalDouble.empty();
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
