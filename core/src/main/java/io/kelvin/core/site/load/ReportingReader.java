package io.kelvin.core.site.load;

import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.RenewableContract;
import io.kelvin.core.site.Reporting;
import io.kelvin.core.telemetry.Freshness;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads what auditor reports need from a site file: {@code reporting}, {@code renewables} and the
 * emission factors of {@code grid.carbon} (a series of factors is a carbon feed, read with the feeds).
 */
final class ReportingReader {

    private static final Pattern CONTRACT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** 1 kg CO2e/kWh is about twice the dirtiest grid average; a larger factor is a unit mistake (g vs kg). */
    private static final double MAX_KG_PER_KWH = 2.0;

    private final String file;
    private final Problems problems;

    ReportingReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    Reporting reporting(Node node) {
        node.allowOnly("owner", "operator", "commissioned", "type", "municipality", "totalFloorAreaM2",
                "computerRoomFloorAreaM2", "installedItPowerKw", "itIntakeSetpointC", "completenessThreshold",
                "staleMultiple");
        OptionalDouble total = positive(node, "totalFloorAreaM2");
        OptionalDouble room = positive(node, "computerRoomFloorAreaM2");
        if (total.isPresent() && room.isPresent() && room.getAsDouble() > total.getAsDouble()) {
            node.problem("computerRoomFloorAreaM2", "is larger than totalFloorAreaM2 (" + total.getAsDouble() + ")");
        }
        OptionalDouble setpoint = node.optNumber("itIntakeSetpointC").isPresent()
                ? OptionalDouble.of(node.numberOr("itIntakeSetpointC", 0, 5, 45)) : OptionalDouble.empty();
        return new Reporting(node.optText("owner"), node.optText("operator"), TimeFields.optDate(node, "commissioned"),
                node.optEnum("type", Reporting.DataCentreType.class), node.optText("municipality"), total, room,
                positive(node, "installedItPowerKw"), setpoint,
                node.numberOr("completenessThreshold", Reporting.DEFAULT_COMPLETENESS, 0, 1),
                new Freshness(node.integerOr("staleMultiple", Freshness.DEFAULT.multiple(), 1, 100)));
    }

    List<RenewableContract> renewables(List<Node> nodes) {
        List<RenewableContract> contracts = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Node node : nodes) {
            node.allowOnly("id", "instrument", "certificates", "mwh", "from", "to");
            String id = node.id("id", CONTRACT_ID);
            String earlier = ids.putIfAbsent(id, node.path());
            if (earlier != null && !id.isEmpty()) {
                node.problem("id", "duplicate contract id '" + id + "' (first at " + earlier + ")");
            }
            Optional<RenewableContract.Instrument> instrument = node.requiredEnum("instrument",
                    RenewableContract.Instrument.class);
            List<String> certificates = node.textList("certificates");
            if (certificates.isEmpty() && node.has("certificates")) {
                node.problem("certificates", "needs at least one certificate id: contracted renewable energy counts "
                        + "only with its certificates (ISO/IEC 30134-3)");
            }
            double mwh = node.number("mwh", 0.001, 1e9);
            Optional<LocalDate> from = TimeFields.date(node, "from");
            Optional<LocalDate> to = TimeFields.date(node, "to");
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                node.problem("to", "is before from (" + from.get() + ")");
            }
            if (instrument.isPresent() && from.isPresent() && to.isPresent() && !certificates.isEmpty()
                    && !to.get().isBefore(from.get())) {
                contracts.add(new RenewableContract(id, instrument.get(), certificates, mwh, from.get(), to.get()));
            }
        }
        return List.copyOf(contracts);
    }

    GridConnection.Carbon carbon(Node node) {
        node.allowOnly("locationKgPerKwh", "marketKgPerKwh", "reference");
        return new GridConnection.Carbon(factor(node, "locationKgPerKwh"), factor(node, "marketKgPerKwh"),
                node.optText("reference"));
    }

    private static OptionalDouble factor(Node node, String field) {
        if (!node.has(field)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(node.numberOr(field, 0, 0, MAX_KG_PER_KWH));
    }

    private static OptionalDouble positive(Node node, String field) {
        Optional<Double> value = node.optNumber(field);
        if (value.isPresent() && value.get() <= 0) {
            node.problem(field, "must be above 0");
            return OptionalDouble.empty();
        }
        return value.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
