package io.kelvin.reports.export;

import io.kelvin.core.site.RenewableContract;
import io.kelvin.core.site.Reporting;
import io.kelvin.reports.kpi.ContractAllocation;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The information and indicators Commission Delegated Regulation (EU) 2024/1364 asks of a data
 * centre with an installed IT power demand of 500 kW or more: Annex I (information about the data
 * centre and its key performance indicators) and Annex II (the sustainability indicators computed
 * from them), each mapped to its source in Kelvin.
 */
final class EedFields {

    private EedFields() {
    }

    static List<EedField> of(Report report) {
        List<EedField> fields = new ArrayList<>();
        information(report, fields);
        energy(report, fields);
        other(report, fields);
        indicators(report, fields);
        return List.copyOf(fields);
    }

    private static void information(Report report, List<EedField> fields) {
        Reporting r = report.site().reporting();
        fields.add(declared("name", "Annex I", "Name of the data centre", Optional.of(report.site().info().name()), "site.name"));
        fields.add(declared("owner", "Annex I", "Owner of the data centre", r.owner(), "reporting.owner"));
        fields.add(declared("operator", "Annex I", "Operator of the data centre", r.operator(), "reporting.operator"));
        fields.add(declared("commissioned", "Annex I", "Date the data centre started operation",
                r.commissioned().map(Object::toString), "reporting.commissioned"));
        fields.add(declared("location", "Annex I", "Location (municipality)", r.municipality(), "reporting.municipality"));
        fields.add(declared("type", "Annex I", "Type of data centre (enterprise, colocation, co-hosting)",
                r.type().map(t -> t.name().toLowerCase(Locale.ROOT)), "reporting.type"));
        fields.add(number("total_floor_area", "Annex I", "Total floor area", r.totalFloorAreaM2(), "m2",
                "reporting.totalFloorAreaM2"));
        fields.add(number("computer_room_floor_area", "Annex I", "Computer room floor area", r.computerRoomFloorAreaM2(),
                "m2", "reporting.computerRoomFloorAreaM2"));
        fields.add(number("installed_it_power", "Annex I", "Installed information technology power demand (PDIT)",
                r.installedItPowerKw(), "kW", "reporting.installedItPowerKw"));
    }

    private static void energy(Report report, List<EedField> fields) {
        fields.add(measured(report, "total_energy", "Annex I", "Total energy consumption of the data centre (EDC)", Kpi.E_DC));
        fields.add(measured(report, "it_energy", "Annex I", "Total energy consumption of the IT equipment (EIT), "
                + report.designation().label(), Kpi.E_IT));
        fields.add(measured(report, "renewable_energy", "Annex I", "Total renewable energy consumption (ERES-TOT)", Kpi.E_REN));
        fields.add(contracts(report, "renewable_energy_go", "Renewable energy consumption from guarantees of origin",
                RenewableContract.Instrument.GO));
        fields.add(contracts(report, "renewable_energy_ppa", "Renewable energy consumption from power purchase agreements",
                RenewableContract.Instrument.PPA));
        fields.add(measured(report, "renewable_energy_on_site", "Annex I", "Renewable energy produced on site and consumed",
                Kpi.E_REN_ONSITE));
        fields.add(measured(report, "waste_heat_reused", "Annex I", "Waste heat reused (EREUSE)", Kpi.E_REUSE));
        fields.add(notProvided("backup_generator_energy", "Annex I", "Energy consumption of backup generators", "kWh",
                "no generator meters in the site model"));
    }

    private static void other(Report report, List<EedField> fields) {
        Figure water = report.figure(Kpi.WATER);
        Optional<Cell> m3 = water instanceof Figure.Value v ? Optional.of(Cell.number(v.value() / 1000, 3)) : Optional.empty();
        fields.add(new EedField("water_input", "Annex I", "Total water input (WIN)", m3, "m3",
                m3.isPresent() ? EedField.Status.MEASURED : EedField.Status.UNAVAILABLE, "WATER meters",
                Kpi.WATER.formula() + " (litres / 1000)" + reason(water)));
        fields.add(notProvided("potable_water_input", "Annex I", "Total potable water input", "m3",
                "water meters do not say which water is potable"));
        fields.add(number("it_intake_setpoint", "Annex I", "Average IT equipment intake air temperature setpoint",
                report.site().reporting().itIntakeSetpointC(), "degC", "reporting.itIntakeSetpointC"));
        fields.add(notProvided("waste_heat_temperature", "Annex I", "Average waste heat temperature", "degC",
                "no heat-export temperature is mapped to a report field"));
        fields.add(notProvided("refrigerants", "Annex I", "Types of refrigerant used for cooling", "", "not in the site model"));
        fields.add(notProvided("cooling_degree_days", "Annex I", "Cooling degree days", "", "no weather source"));
        fields.add(notProvided("data_traffic", "Annex I", "Incoming and outgoing data traffic", "", "no network source"));
        fields.add(notProvided("data_stored", "Annex I", "Data stored and processed", "", "no storage source"));
    }

    private static void indicators(Report report, List<EedField> fields) {
        fields.add(measured(report, "pue", "Annex II", "Power usage effectiveness (PUE)", Kpi.PUE));
        fields.add(measured(report, "wue", "Annex II", "Water usage effectiveness (WUE)", Kpi.WUE));
        fields.add(measured(report, "erf", "Annex II", "Energy reuse factor (ERF)", Kpi.ERF));
        fields.add(measured(report, "ref", "Annex II", "Renewable energy factor (REF)", Kpi.REF));
    }

    private static EedField measured(Report report, String id, String annex, String item, Kpi kpi) {
        Figure figure = report.figure(kpi);
        Optional<Cell> value = figure instanceof Figure.Value ? Optional.of(Formats.value(figure)) : Optional.empty();
        String method = kpi.formula() + "; " + kpi.reference() + "; " + Formats.status(figure)
                + (figure.coverage().isEmpty() ? "" : ", lowest meter coverage " + Formats.coverage(figure).shown() + " %")
                + reason(figure);
        return new EedField(id, annex, item, value, kpi.unit(), value.isPresent() ? EedField.Status.MEASURED
                : EedField.Status.UNAVAILABLE, figure.coverage().isEmpty() ? "site file" : "meters: " + Formats.meters(figure),
                method);
    }

    private static EedField contracts(Report report, String id, String item, RenewableContract.Instrument instrument) {
        List<RenewableContract> matching = report.site().renewables().stream().filter(c -> c.instrument() == instrument).toList();
        double kwh = ContractAllocation.kwh(matching, report.period().start(), report.period().end(), report.period().zone());
        return new EedField(id, "Annex I", item, Optional.of(Cell.number(kwh, 1)), "kWh", EedField.Status.DECLARED,
                "renewables (" + instrument.name().toLowerCase(Locale.ROOT) + ") in the site file",
                Kpi.E_REN_CONTRACTED.formula());
    }

    private static String reason(Figure figure) {
        return figure instanceof Figure.Unavailable u ? "; unavailable: " + u.reason() : "";
    }

    private static EedField declared(String id, String annex, String item, Optional<String> value, String field) {
        return new EedField(id, annex, item, value.map(Cell::text), "", value.isPresent() ? EedField.Status.DECLARED
                : EedField.Status.NOT_PROVIDED, "site file: " + field, value.isPresent() ? "as declared" : "add " + field
                + " to the site file");
    }

    private static EedField number(String id, String annex, String item, OptionalDouble value, String unit, String field) {
        Optional<Cell> cell = value.isPresent() ? Optional.of(Cell.number(value.getAsDouble(), 1)) : Optional.empty();
        return new EedField(id, annex, item, cell, unit, cell.isPresent() ? EedField.Status.DECLARED
                : EedField.Status.NOT_PROVIDED, "site file: " + field, cell.isPresent() ? "as declared" : "add " + field
                + " to the site file");
    }

    private static EedField notProvided(String id, String annex, String item, String unit, String why) {
        return new EedField(id, annex, item, Optional.empty(), unit, EedField.Status.NOT_PROVIDED, "none", why);
    }
}
