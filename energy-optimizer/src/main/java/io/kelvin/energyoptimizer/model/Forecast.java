package io.kelvin.energyoptimizer.model;

import java.util.Arrays;

/**
 * Per-slot inputs over a horizon (index = slot): PV and wind kW, import price EUR/kWh, grid carbon
 * intensity gCO2/kWh, ambient temperature C, and heat wanted by the offtake in kW (0 = none).
 */
public record Forecast(double[] pvKw, double[] windKw, double[] priceEurPerKwh, double[] carbonGPerKwh,
                       double[] ambientC, double[] heatDemandKw) {

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

    /** The slots {@code [from, from + count)}. */
    public Forecast window(int from, int count) {
        return new Forecast(cut(pvKw, from, count), cut(windKw, from, count), cut(priceEurPerKwh, from, count),
                cut(carbonGPerKwh, from, count), cut(ambientC, from, count), cut(heatDemandKw, from, count));
    }

    public Forecast withPrice(int slot, double price) {
        double[] p = priceEurPerKwh.clone();
        p[slot] = price;
        return new Forecast(pvKw, windKw, p, carbonGPerKwh, ambientC, heatDemandKw);
    }

    public Forecast withPv(double[] pv) {
        return new Forecast(pv.clone(), windKw, priceEurPerKwh, carbonGPerKwh, ambientC, heatDemandKw);
    }

    public Forecast withHeatDemand(double[] heat) {
        return new Forecast(pvKw, windKw, priceEurPerKwh, carbonGPerKwh, ambientC, heat.clone());
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
