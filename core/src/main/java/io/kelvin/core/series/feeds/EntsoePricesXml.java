package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesProblems;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.TimeSeries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads ENTSO-E day-ahead prices (Transparency Platform RESTful API, document type A44, a
 * {@code Publication_MarketDocument}; "Transparency Platform XML schema use", section on curve types).
 * Every {@code TimeSeries} gives a currency ({@code currency_Unit.name}) and price unit
 * ({@code price_Measure_Unit.name}, must be MWH); each {@code Period} a {@code timeInterval} and a
 * {@code resolution} (PT15M, PT30M, PT60M, ...) with {@code Point}s of {@code position} (1-based) and
 * {@code price.amount}. With {@code curveType} A01 (fixed-size blocks, the default) a point covers one
 * resolution step; with A03 (variable-size blocks) a point holds its price until the next point's position or
 * the end of the period, since equal consecutive prices are left out. Where a document has
 * {@code classificationSequence_AttributeInstanceComponent.position} (DE-LU and AT: 1 = the SDAC coupling, 2 =
 * EXAA's auction), only the wanted sequence is read. Where two TimeSeries overlap, the finer resolution wins;
 * equal resolutions must agree. An {@code Acknowledgement_MarketDocument} (the API's "no data" answer) is
 * reported with its reason. Prices become currency per kWh; negative prices stay negative.
 */
public final class EntsoePricesXml {

    private EntsoePricesXml() {
    }

    /** One TimeSeries' intervals and step, kept apart until overlaps between series are settled. */
    private record Block(String path, Duration resolution, List<TimeSeries.Interval> intervals) {
    }

    public static TimeSeries parse(byte[] body, String source, int sequence) {
        SeriesProblems problems = new SeriesProblems(source);
        Element root = document(body, problems).getDocumentElement();
        String rootName = Xml.local(root);
        if (rootName.equals("Acknowledgement_MarketDocument")) {
            String reason = Xml.children(root, "Reason").stream().map(r -> Xml.text(r, "text").orElse(""))
                    .filter(t -> !t.isBlank()).findFirst().orElse("no reason given");
            throw problems.fatal("Acknowledgement_MarketDocument", "the API answered without data: " + reason);
        }
        if (!rootName.equals("Publication_MarketDocument")) {
            throw problems.fatal(rootName, "is not a Publication_MarketDocument");
        }
        List<Block> blocks = new ArrayList<>();
        Currency currency = null;
        boolean anySequenced = false;
        List<Element> series = Xml.children(root, "TimeSeries");
        for (int i = 0; i < series.size(); i++) {
            Element ts = series.get(i);
            String path = "TimeSeries[" + (i + 1) + "]";
            Optional<String> seq = Xml.text(ts, "classificationSequence_AttributeInstanceComponent.position");
            anySequenced |= seq.isPresent();
            if (seq.isPresent() && !seq.get().equals(Integer.toString(sequence))) {
                continue;
            }
            Optional<Currency> c = currency(ts, path, problems);
            if (c.isPresent() && currency != null && !c.get().equals(currency)) {
                problems.add(path + ".currency_Unit.name", c.get() + " differs from " + currency + " of the series before");
            }
            currency = currency == null ? c.orElse(null) : currency;
            priceUnit(ts, path, problems);
            blocks.addAll(periods(ts, path, problems));
        }
        if (blocks.isEmpty() && anySequenced && !problems.any()) {
            problems.add("TimeSeries", "no TimeSeries of classification sequence " + sequence
                    + " (the document has other sequences only)");
        }
        List<TimeSeries.Interval> intervals = merge(blocks, problems);
        problems.throwIfAny();
        return new TimeSeries(source, Measure.PRICE, Optional.ofNullable(currency), intervals);
    }

    private static Document document(byte[] body, SeriesProblems problems) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // A feed is untrusted input: no DTDs, no external entities.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            throw problems.fatal("line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "is not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw problems.fatal("", "is not readable XML: " + e.getMessage());
        }
    }

    private static Optional<Currency> currency(Element ts, String path, SeriesProblems problems) {
        Optional<String> code = Xml.text(ts, "currency_Unit.name");
        if (code.isEmpty()) {
            problems.add(path + ".currency_Unit.name", "is missing");
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.get()));
        } catch (IllegalArgumentException e) {
            problems.add(path + ".currency_Unit.name", "'" + code.get() + "' is not an ISO 4217 currency");
            return Optional.empty();
        }
    }

    private static void priceUnit(Element ts, String path, SeriesProblems problems) {
        String unit = Xml.text(ts, "price_Measure_Unit.name").orElse("");
        if (!unit.equals("MWH")) {
            problems.add(path + ".price_Measure_Unit.name", "must be MWH, was '" + unit + "'");
        }
    }

    private static List<Block> periods(Element ts, String path, SeriesProblems problems) {
        String curve = Xml.text(ts, "curveType").orElse("A01");
        if (!curve.equals("A01") && !curve.equals("A03")) {
            problems.add(path + ".curveType", "'" + curve + "' is not A01 or A03");
            return List.of();
        }
        List<Block> out = new ArrayList<>();
        List<Element> periods = Xml.children(ts, "Period");
        for (int p = 0; p < periods.size(); p++) {
            String at = path + ".Period[" + (p + 1) + "]";
            EntsoePeriod.read(periods.get(p), at, curve.equals("A03"), problems)
                    .ifPresent(r -> out.add(new Block(at, r.resolution(), r.intervals())));
        }
        return out;
    }

    /** Finest resolution first; an interval overlapping one already taken is dropped if coarser, a problem if not. */
    private static List<TimeSeries.Interval> merge(List<Block> blocks, SeriesProblems problems) {
        List<Block> ordered = new ArrayList<>(blocks);
        ordered.sort(Comparator.comparing(Block::resolution));
        List<TimeSeries.Interval> taken = new ArrayList<>();
        List<Duration> takenResolution = new ArrayList<>();
        for (Block b : ordered) {
            for (TimeSeries.Interval v : b.intervals()) {
                int clash = overlapping(taken, v);
                if (clash < 0) {
                    taken.add(v);
                    takenResolution.add(b.resolution());
                } else if (takenResolution.get(clash).equals(b.resolution()) && taken.get(clash).value() != v.value()) {
                    problems.add(b.path(), "price at " + v.start() + " differs from another TimeSeries for the same time");
                }
            }
        }
        taken.sort(Comparator.comparing(TimeSeries.Interval::start));
        return taken;
    }

    private static int overlapping(List<TimeSeries.Interval> taken, TimeSeries.Interval v) {
        for (int i = 0; i < taken.size(); i++) {
            TimeSeries.Interval t = taken.get(i);
            if (t.start().isBefore(v.end()) && v.start().isBefore(t.end())) {
                return i;
            }
        }
        return -1;
    }

    /** The XML stamps are ISO instants written with or without seconds ({@code 2015-12-31T23:00Z}). */
    static Optional<Instant> instant(String text, String path, SeriesProblems problems) {
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(path, "'" + text + "' is not an ISO-8601 UTC time");
            return Optional.empty();
        }
    }

    static double perKwh(double perMwh) {
        return SeriesUnit.PER_MWH.toCanonical(perMwh);
    }
}
