package io.kelvin.reports.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kelvin.reports.period.PeriodKind;
import io.kelvin.reports.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The EU Energy Efficiency Directive export pack: the fields of Commission Delegated Regulation
 * (EU) 2024/1364, Annexes I and II ({@link EedFields}), as one JSON document, each field with its
 * value, unit, status and the source and method behind it. Keys keep a fixed order and lines end
 * in {@code \n} on every platform, so the same report gives the same bytes.
 */
final class EedPack {

    static final String REGULATION = "Commission Delegated Regulation (EU) 2024/1364 of 14 March 2024 on the first "
            + "phase of the establishment of a common Union rating scheme for data centres, Annexes I and II";
    static final String ELI = "http://data.europa.eu/eli/reg_del/2024/1364/oj";
    /** Article 1: operators of data centres with an installed IT power demand of at least 500 kW report. */
    static final double THRESHOLD_KW = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EedPack() {
    }

    static byte[] write(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "kelvin-eed-pack/1");
        root.put("regulation", REGULATION);
        root.put("eli", ELI);
        root.put("site", report.site().info().id());
        ObjectNode period = root.putObject("period");
        period.put("label", report.period().label());
        period.put("from", report.period().from().toOffsetDateTime().toString());
        period.put("to", report.period().to().toOffsetDateTime().toString());
        period.put("timeZone", report.period().zone().getId());
        root.put("scope", scope(report));
        root.put("dataDigest", ReportTables.of(report).get(0).rows().getLast().get(1).shown());
        ArrayNode fields = root.putArray("fields");
        for (EedField field : EedFields.of(report)) {
            ObjectNode node = fields.addObject();
            node.put("id", field.id());
            node.put("annex", field.annex());
            node.put("item", field.item());
            field.value().ifPresentOrElse(v -> {
                switch (v) {
                    case Cell.Number n -> node.put("value", n.value());
                    case Cell.Text t -> node.put("value", t.text());
                }
            }, () -> node.putNull("value"));
            node.put("unit", field.unit());
            node.put("status", field.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            node.put("source", field.source());
            node.put("method", field.method());
        }
        return bytes(root);
    }

    /** Whether the regulation applies and whether this period is the calendar year it asks for. */
    private static String scope(Report report) {
        OptionalDouble pdit = report.site().reporting().installedItPowerKw();
        String applies = pdit.isEmpty() ? "installed IT power demand not declared: the 500 kW threshold (Article 1) "
                + "cannot be checked" : pdit.getAsDouble() >= THRESHOLD_KW
                ? "installed IT power demand " + pdit.getAsDouble() + " kW: at or above the 500 kW threshold (Article 1)"
                : "installed IT power demand " + pdit.getAsDouble() + " kW: below the 500 kW threshold (Article 1)";
        String year = report.period().kind() == PeriodKind.YEAR ? "a calendar year, as the regulation reports"
                : "not a calendar year: the regulation reports calendar years, this pack covers " + report.period().label();
        return applies + "; " + year;
    }

    private static byte[] bytes(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            generator.setPrettyPrinter(printer);
            JSON.writeTree(generator, root);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the EED pack", e);
        }
        return out.toByteArray();
    }
}
