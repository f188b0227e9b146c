package io.kelvin.core.modbus.sunspec;

import static io.kelvin.core.modbus.sunspec.SunSpecPoint.number;
import static io.kelvin.core.modbus.sunspec.SunSpecPoint.text;
import static io.kelvin.core.site.DataType.INT16;
import static io.kelvin.core.site.DataType.UINT16;
import static io.kelvin.core.site.DataType.UINT32;
import static io.kelvin.core.site.DataType.UINT64;
import static io.kelvin.core.site.PollClass.FAST;
import static io.kelvin.core.site.PollClass.NORMAL;
import static io.kelvin.core.site.PollClass.SLOW;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SunSpec models Kelvin maps to standard points (SunSpec Information Model Specification, and the
 * model definitions 1, 101-103, 120-124; offsets count from the model's ID register). Inverter models
 * 101 (single phase), 102 (split phase) and 103 (three phase) share one layout and one set of names,
 * the names of the hand-written {@code sunspec-inverter-103} profile, so a site may switch between
 * the two without renaming meters. Data, not code: a model is a table.
 */
public final class SunSpecModels {

    /** "SunS" as two registers, high byte first. */
    public static final int MARKER_HIGH = 0x5375;
    public static final int MARKER_LOW = 0x6E53;
    /** Where a SunSpec device may start its map, in the order the specification asks masters to try. */
    public static final List<Integer> BASE_ADDRESSES = List.of(40000, 0, 50000);
    /** The model id that ends the chain. */
    public static final int END_ID = 0xFFFF;

    private static final double KILO = 0.001;

    private static final List<SunSpecPoint> COMMON = List.of(
            text("manufacturer", "Mn", 2, 16),
            text("model", "Md", 18, 16),
            text("options", "Opt", 34, 8),
            text("version", "Vr", 42, 8),
            text("serial_number", "SN", 50, 16));

    private static final List<SunSpecPoint> INVERTER = List.of(
            number("ac_current_a", "A", "A", 2, UINT16, 6, 1, 0, 10_000, FAST),
            number("ac_voltage_ab_v", "PPVphAB", "V", 7, UINT16, 13, 1, 0, 1_500, NORMAL),
            number("ac_voltage_an_v", "PhVphA", "V", 10, UINT16, 13, 1, 0, 1_000, NORMAL),
            number("ac_power_kw", "W", "kW", 14, INT16, 15, KILO, -10_000, 10_000, FAST),
            number("frequency_hz", "Hz", "Hz", 16, UINT16, 17, 1, 45, 65, NORMAL),
            number("apparent_power_kva", "VA", "kVA", 18, INT16, 19, KILO, -10_000, 10_000, NORMAL),
            number("reactive_power_kvar", "VAr", "kvar", 20, INT16, 21, KILO, -10_000, 10_000, NORMAL),
            number("power_factor_pct", "PF", "%", 22, INT16, 23, 1, -100, 100, NORMAL),
            number("energy_kwh", "WH", "kWh", 24, UINT32, 26, KILO, 0, 1e12, SLOW),
            number("dc_current_a", "DCA", "A", 27, UINT16, 28, 1, 0, 10_000, FAST),
            number("dc_voltage_v", "DCV", "V", 29, UINT16, 30, 1, 0, 2_000, FAST),
            number("dc_power_kw", "DCW", "kW", 31, INT16, 32, KILO, -10_000, 10_000, FAST),
            number("cabinet_temp_c", "TmpCab", "degC", 33, INT16, 37, 1, -40, 120, NORMAL),
            number("heatsink_temp_c", "TmpSnk", "degC", 34, INT16, 37, 1, -40, 150, NORMAL),
            number("operating_state", "St", "1", 38, UINT16, -1, 1, 1, 8, NORMAL),
            number("event_flags", "Evt1", "1", 40, UINT32, -1, 1, 0, 0xFFFF_FFFFL, NORMAL));

    private static final List<SunSpecPoint> NAMEPLATE = List.of(
            number("der_type", "DERTyp", "1", 2, UINT16, -1, 1, 4, 82, SLOW),
            number("rated_power_kw", "WRtg", "kW", 3, UINT16, 4, KILO, 0, 100_000, SLOW),
            number("rated_apparent_power_kva", "VARtg", "kVA", 5, UINT16, 6, KILO, 0, 100_000, SLOW),
            number("rated_current_a", "ARtg", "A", 12, UINT16, 13, 1, 0, 100_000, SLOW),
            number("rated_energy_kwh", "WHRtg", "kWh", 19, UINT16, 20, KILO, 0, 1e9, SLOW));

    private static final List<SunSpecPoint> SETTINGS = List.of(
            number("max_power_setting_kw", "WMax", "kW", 2, UINT16, 22, KILO, 0, 100_000, SLOW),
            number("voltage_ref_v", "VRef", "V", 3, UINT16, 23, 1, 0, 1_500, SLOW),
            number("voltage_max_v", "VMax", "V", 5, UINT16, 25, 1, 0, 1_500, SLOW),
            number("voltage_min_v", "VMin", "V", 6, UINT16, 25, 1, 0, 1_500, SLOW),
            number("max_apparent_power_setting_kva", "VAMax", "kVA", 7, UINT16, 26, KILO, 0, 100_000, SLOW),
            number("nominal_frequency_hz", "ECPNomHz", "Hz", 20, UINT16, 31, 1, 45, 65, SLOW));

    private static final List<SunSpecPoint> STATUS = List.of(
            number("pv_connection_flags", "PVConn", "1", 2, UINT16, -1, 1, 0, 7, NORMAL),
            number("storage_connection_flags", "StorConn", "1", 3, UINT16, -1, 1, 0, 7, NORMAL),
            number("grid_connection_flags", "ECPConn", "1", 4, UINT16, -1, 1, 0, 1, NORMAL),
            number("lifetime_energy_kwh", "ActWh", "kWh", 5, UINT64, -1, KILO, 0, 1e15, SLOW),
            number("available_power_kw", "WAval", "kW", 31, UINT16, 32, KILO, 0, 100_000, NORMAL),
            number("active_control_flags", "StActCtl", "1", 35, UINT32, -1, 1, 0, 0xFFFF_FFFFL, NORMAL));

    private static final List<SunSpecPoint> CONTROLS = List.of(
            number("connected", "Conn", "1", 4, UINT16, -1, 1, 0, 1, NORMAL),
            number("power_limit_pct", "WMaxLimPct", "%", 5, UINT16, 23, 1, 0, 100, NORMAL),
            number("power_limit_enabled", "WMaxLim_Ena", "1", 9, UINT16, -1, 1, 0, 1, NORMAL),
            number("power_factor_setpoint", "OutPFSet", "1", 10, INT16, 24, 1, -1, 1, NORMAL),
            number("power_factor_enabled", "OutPFSet_Ena", "1", 14, UINT16, -1, 1, 0, 1, NORMAL));

    private static final List<SunSpecPoint> STORAGE = List.of(
            number("max_charge_kw", "WChaMax", "kW", 2, UINT16, 18, KILO, 0, 100_000, SLOW),
            number("min_reserve_pct", "MinRsvPct", "%", 7, UINT16, 21, 1, 0, 100, SLOW),
            number("state_of_charge_pct", "ChaState", "%", 8, UINT16, 22, 1, 0, 100, NORMAL),
            number("storage_available_ah", "StorAval", "Ah", 9, UINT16, 23, 1, 0, 1e6, NORMAL),
            number("battery_voltage_v", "InBatV", "V", 10, UINT16, 24, 1, 0, 2_000, NORMAL),
            number("charge_status", "ChaSt", "1", 11, UINT16, -1, 1, 1, 7, NORMAL),
            number("discharge_rate_pct", "OutWRte", "%", 12, INT16, 25, 1, -100, 100, NORMAL),
            number("charge_rate_pct", "InWRte", "%", 13, INT16, 25, 1, -100, 100, NORMAL));

    /** Model id -> (name, the length the specification gives, its points). */
    private static final Map<Integer, Model> MODELS = models();

    /** A model Kelvin knows: its name, its length (L) in the specification, and its points. */
    public record Model(int id, String name, int length, List<SunSpecPoint> points) {
    }

    private SunSpecModels() {
    }

    private static Map<Integer, Model> models() {
        Map<Integer, Model> models = new LinkedHashMap<>();
        models.put(1, new Model(1, "common", 66, COMMON));
        models.put(101, new Model(101, "inverter, single phase", 50, INVERTER));
        models.put(102, new Model(102, "inverter, split phase", 50, INVERTER));
        models.put(103, new Model(103, "inverter, three phase", 50, INVERTER));
        models.put(120, new Model(120, "nameplate", 26, NAMEPLATE));
        models.put(121, new Model(121, "basic settings", 30, SETTINGS));
        models.put(122, new Model(122, "measurements and status", 44, STATUS));
        models.put(123, new Model(123, "immediate controls", 24, CONTROLS));
        models.put(124, new Model(124, "storage", 24, STORAGE));
        return Map.copyOf(models);
    }

    public static Optional<Model> model(int id) {
        return Optional.ofNullable(MODELS.get(id));
    }

    /** Every numeric point any known model can give, once per name, in model order: what a SunSpec profile declares. */
    public static List<SunSpecPoint> numericPoints() {
        Map<String, SunSpecPoint> byName = new LinkedHashMap<>();
        MODELS.keySet().stream().sorted().forEach(id -> MODELS.get(id).points().stream()
                .filter(p -> !p.isText()).forEach(p -> byName.putIfAbsent(p.name(), p)));
        return List.copyOf(byName.values());
    }
}
