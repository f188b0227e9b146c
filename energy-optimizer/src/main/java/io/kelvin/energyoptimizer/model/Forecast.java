package io.kelvin.energyoptimizer.model;

import java.util.Arrays;

/**
 * Per-slot inputs over a horizon (index = slot): PV and wind kW, import price EUR/kWh, grid carbon
 * intensity gCO2/kWh, ambient temperature C, heat wanted by the offtake in kW (0 = none), and the IT load
 * Kelvin does not schedule in kW ({@code unscheduledItKw}): IT power besides the cluster's idle draw and
 * the planned jobs (other tenants' work, storage, network). It occupies no GPU of the cluster; the power
 * flow, every planner and the checker add it to each slot's IT power like the load of a running job.
 */
public record Forecast(double[] pvKw, double[] windKw, double[] priceEurPerKwh, double[] carbonGPerKwh,
                       double[] ambientC, double[] heatDemandKw, double[] unscheduledItKw) {

    public Forecast {
        unscheduledItKw = unscheduledItKw == null ? new double[priceEurPerKwh.length] : unscheduledItKw;
        if (unscheduledItKw.length < priceEurPerKwh.length) {
            throw new IllegalArgumentException("forecast: unscheduledItKw has " + unscheduledItKw.length
                    + " slots, the prices " + priceEurPerKwh.length);
        }
        for (int t = 0; t < unscheduledItKw.length; t++) {
            if (!(unscheduledItKw[t] >= 0) || Double.isInfinite(unscheduledItKw[t])) {
                throw new IllegalArgumentException("forecast: unscheduledItKw at slot " + t + ": " + unscheduledItKw[t]
                        + "; must be finite and >= 0");
            }
        }
    }

    /** A forecast without unscheduled IT load. */
    public Forecast(double[] pvKw, double[] windKw, double[] priceEurPerKwh, double[] carbonGPerKwh,
                    double[] ambientC, double[] heatDemandKw) {
        this(pvKw, windKw, priceEurPerKwh, carbonGPerKwh, ambientC, heatDemandKw, null);
    }

    /** Constant series of {@code slots} slots, handy for tests. */
    public static Forecast flat(int slots, double pvKw, double price, double carbon, double ambientC) {
        return new Forecast(fill(slots, pvKw), fill(slots, 0), fill(slots, price), fill(slots, carbon),
                fill(slots, ambientC), fill(slots, 0));
    }

    public int slots() {
        return priceEurPerKwh.length;
    }

    public double renewableKw(int slot) {
        return pvKw[slot] + windKw[slot];
    }

    /** The IT kW Kelvin does not schedule at a slot. */
    public double unscheduledItKw(int slot) {
        return unscheduledItKw[slot];
    }

    /** Whether any slot has unscheduled IT load. */
    public boolean hasUnscheduledLoad() {
        return Arrays.stream(unscheduledItKw).anyMatch(kw -> kw != 0);
    }

    /** The slots {@code [from, from + count)}. */
    public Forecast window(int from, int count) {
        return new Forecast(cut(pvKw, from, count), cut(windKw, from, count), cut(priceEurPerKwh, from, count),
                cut(carbonGPerKwh, from, count), cut(ambientC, from, count), cut(heatDemandKw, from, count),
                cut(unscheduledItKw, from, count));
    }

    public Forecast withPrice(int slot, double price) {
        double[] p = priceEurPerKwh.clone();
        p[slot] = price;
        return new Forecast(pvKw, windKw, p, carbonGPerKwh, ambientC, heatDemandKw, unscheduledItKw);
    }

    public Forecast withPv(double[] pv) {
        return new Forecast(pv.clone(), windKw, priceEurPerKwh, carbonGPerKwh, ambientC, heatDemandKw, unscheduledItKw);
    }

    public Forecast withHeatDemand(double[] heat) {
        return new Forecast(pvKw, windKw, priceEurPerKwh, carbonGPerKwh, ambientC, heat.clone(), unscheduledItKw);
    }

    /** This forecast with {@code kw} of unscheduled IT load per slot. */
    public Forecast withUnscheduledItKw(double[] kw) {
        return new Forecast(pvKw, windKw, priceEurPerKwh, carbonGPerKwh, ambientC, heatDemandKw, kw.clone());
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double[] cut(double[] a, int from, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = a[Math.min(from + i, a.length - 1)];
        }
        return out;
    }
}
