package io.kelvin.reports.kpi;

/**
 * Every figure a report states, with its unit, the formula it is computed by and the clause that
 * defines it. Energies are in kWh over the report period, water in litres, emissions in kg CO2e.
 * E_grid is net import (import minus export); on-site PV and wind count in E_DC because the data
 * centre consumes them.
 *
 * <p>The standards are cited by part, edition and the definition each figure follows; the texts are
 * not freely available, so clause numbers are given only where they could be checked (see the
 * module README).
 */
public enum Kpi {
    E_DC("E_DC", "Total data centre energy", "kWh", "E_DC = E_grid + E_PV + E_wind",
            "ISO/IEC 30134-2:2016, total data centre energy consumption (all energy entering the data centre boundary)"),
    E_IT("E_IT", "IT equipment energy", "kWh", "E_IT = sum of IT_LOAD meters",
            "ISO/IEC 30134-2:2016, IT equipment energy consumption, measured at the category of the IT meters"),
    E_GRID("E_grid", "Grid electricity, net import", "kWh", "E_grid = sum(GRID_IMPORT) - sum(GRID_EXPORT)",
            "metered at the grid connection"),
    E_GRID_EXPORT("E_export", "Grid export, metered separately", "kWh",
            "sum(GRID_EXPORT) + reverse registers of GRID_IMPORT counters", "metered at the grid connection"),
    E_PV("E_PV", "On-site PV generation", "kWh", "sum of PV meters", "metered at the inverters"),
    E_WIND("E_wind", "On-site wind generation", "kWh", "sum of WIND meters", "metered at the turbines"),
    E_COOLING("E_cooling", "Cooling energy", "kWh", "sum of COOLING meters", "metered at the cooling supply"),
    E_CONVERSION_INPUT("E_conv,in", "Power conversion input energy", "kWh", "sum of POWER_CONVERSION_INPUT meters",
            "metered at the UPS/HVDC inputs"),
    E_OTHER("E_other", "Lighting and other energy", "kWh", "sum of LIGHTING_AND_OTHER meters", "metered"),
    E_REUSE("E_reuse", "Energy reused (heat exported)", "kWh", "sum of HEAT_EXPORT meters",
            "ISO/IEC 30134-6:2021, reused energy"),
    E_REN_ONSITE("E_ren,on-site", "On-site renewable energy used", "kWh",
            "E_ren,on-site = max(0, E_PV + E_wind - E_export)",
            "ISO/IEC 30134-3:2016, renewable energy generated on site and used by the data centre"),
    E_REN_CONTRACTED("E_ren,cert", "Contracted renewable energy with certificates", "kWh",
            "sum over contracts of MWh x 1000 x (contract time in period / contract time)",
            "ISO/IEC 30134-3:2016, renewable energy bought with certificates of origin"),
    E_REN("E_ren", "Renewable energy used", "kWh", "E_ren = min(E_DC, E_ren,on-site + E_ren,cert)",
            "ISO/IEC 30134-3:2016, total renewable energy"),
    WATER("W", "Water used", "L", "W = sum of WATER meters", "ISO/IEC 30134-9:2022, site water usage"),
    CO2_LOCATION("CO2_loc", "Grid emissions, location-based", "kg CO2e",
            "CO2_loc = sum over factor intervals of max(0, E_grid) x EF_location",
            "ISO/IEC 30134-8:2022; GHG Protocol Scope 2, location-based method"),
    CO2_MARKET("CO2_mkt", "Grid emissions, market-based", "kg CO2e",
            "CO2_mkt = sum over factor intervals of max(0, E_grid - E_ren,cert) x EF_market",
            "ISO/IEC 30134-8:2022; GHG Protocol Scope 2, market-based method"),
    PUE("PUE", "Power usage effectiveness", "1", "PUE = E_DC / E_IT",
            "ISO/IEC 30134-2:2016, PUE; interim PUE for periods under 12 months (Annex D, PUE derivatives)"),
    PPUE_COOLING("pPUE_cooling", "Partial PUE, cooling", "1", "pPUE_cooling = (E_IT + E_cooling) / E_IT",
            "ISO/IEC 30134-2:2016, Annex D, partial PUE of a subsystem"),
    PPUE_POWER("pPUE_power", "Partial PUE, power conversion", "1", "pPUE_power = E_conv,in / E_IT",
            "ISO/IEC 30134-2:2016, Annex D, partial PUE of a subsystem (losses = E_conv,in - E_IT)"),
    ERF("ERF", "Energy reuse factor", "1", "ERF = E_reuse / E_DC", "ISO/IEC 30134-6:2021, ERF"),
    REF("REF", "Renewable energy factor", "1", "REF = E_ren / E_DC", "ISO/IEC 30134-3:2016, REF"),
    CUE_LOCATION("CUE_loc", "Carbon usage effectiveness, location-based", "kg CO2e/kWh", "CUE_loc = CO2_loc / E_IT",
            "ISO/IEC 30134-8:2022, CUE (location-based emission factor)"),
    CUE_MARKET("CUE_mkt", "Carbon usage effectiveness, market-based", "kg CO2e/kWh", "CUE_mkt = CO2_mkt / E_IT",
            "ISO/IEC 30134-8:2022, CUE (market-based emission factor)"),
    WUE("WUE", "Water usage effectiveness", "L/kWh", "WUE = W / E_IT", "ISO/IEC 30134-9:2022, WUE");

    private final String symbol;
    private final String title;
    private final String unit;
    private final String formula;
    private final String reference;

    Kpi(String symbol, String title, String unit, String formula, String reference) {
        this.symbol = symbol;
        this.title = title;
        this.unit = unit;
        this.formula = formula;
        this.reference = reference;
    }

    public String symbol() {
        return symbol;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    public String formula() {
        return formula;
    }

    public String reference() {
        return reference;
    }

    /** Ratios are shown with 3 decimals, energies, water and emissions with 1. */
    public int decimals() {
        return "1".equals(unit) || unit.endsWith("/kWh") ? 3 : 1;
    }
}
