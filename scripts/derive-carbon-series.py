#!/usr/bin/env python3
"""Derives data/derived/berlin-pv-carbon.csv from data/vessim/solar_example.csv (see data/derived/SOURCE.txt).

A location-based (average) grid carbon intensity for a grid whose demand is met in part by PV with the
measured Berlin output shape and otherwise by a constant non-solar mix:

    intensity(h) = NON_SOLAR_G_PER_KWH * (1 - SOLAR_SHARE_AT_FULL_OUTPUT * pv(h))

pv(h) is the hour's mean of the 5-minute normalised Berlin PV output (0..1). Run from the repository root:
    python3 scripts/derive-carbon-series.py
It rewrites the CSV byte for byte (the inputs and the parameters fix the output).
"""
import csv
from datetime import datetime, timedelta, timezone

SOURCE = "data/vessim/solar_example.csv"
TARGET = "data/derived/berlin-pv-carbon.csv"
ORIGIN = datetime(2022, 6, 8, tzinfo=timezone.utc)  # offset 0 of solar_example.csv (Solcast actuals, UTC)
COLUMN = "Berlin"
NON_SOLAR_G_PER_KWH = 500.0        # the mix that serves demand PV does not cover
SOLAR_SHARE_AT_FULL_OUTPUT = 0.6   # share of demand PV covers when its normalised output is 1


def main():
    hours = {}
    with open(SOURCE, newline="") as f:
        for row in csv.DictReader(f):
            hour = int(row["time"]) // 3600
            hours.setdefault(hour, []).append(float(row[COLUMN]))
    with open(TARGET, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["time", "g_per_kwh", "pv_share"])
        for hour in sorted(hours):
            values = hours[hour]
            if len(values) != 12:
                continue  # an hour the source does not cover whole is left out, not guessed
            pv = sum(values) / len(values)
            share = SOLAR_SHARE_AT_FULL_OUTPUT * pv
            when = (ORIGIN + timedelta(hours=hour)).strftime("%Y-%m-%dT%H:%M:%SZ")
            out.writerow([when, f"{NON_SOLAR_G_PER_KWH * (1 - share):.1f}", f"{share:.4f}"])


if __name__ == "__main__":
    main()
