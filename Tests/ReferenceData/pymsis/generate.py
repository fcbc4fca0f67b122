#!/usr/bin/env python3
"""Generates nrlmsise00_reference.csv: NRLMSISE-00 densities and temperatures from two
independent implementations, for OrbitCoreTests/NRLMSISE00ReferenceTests.

- pymsis 0.13.0 (the NRL Fortran code, compiled into the wheel) with version=0 (NRLMSISE-00):
  mass density (kg/m3, includes anomalous oxygen: the GTD7D "effective density for drag") and
  temperature (K). pymsis converts its inputs to float32 and the NRL Fortran runs in single
  precision, so every input below is chosen exactly representable in float32 (integer day and
  seconds, half-degree angles, integer or half km, integer indices) and is written out exactly.
- nrlmsise00 0.1.2 (Python bindings to D. Brodowski's double-precision C port), gtd7d with the
  standard switches (switch 9 = -1 for the AP-array rows) and lst = sec/3600 + lon/15 h (what
  pymsis computes internally).

Space weather is passed explicitly (no download): 240 daily-Ap points over a design that spans
100-1000 km, latitudes -90..90, all local times, and low/moderate/high solar and geomagnetic
activity; plus 60 points in the 3-hourly AP-array mode (pymsis geomagnetic_activity=-1).

Usage (in a venv): pip install pymsis==0.13.0 nrlmsise00==0.1.2; python3 generate.py
Run once on 2026-11-21; output nrlmsise00_reference.csv (see PROVENANCE.md for its SHA-256).
"""
import csv
import datetime as dt
import random

import numpy as np
import pymsis
from nrlmsise00._nrlmsise00 import gtd7d

YEAR = 2023  # not a leap year; only the day of year and seconds of day enter the model
# (F10.7A, F10.7) pairs: low, moderate, high and mismatched activity
SOLAR = [(70, 68), (70, 75), (100, 95), (150, 150), (150, 180), (200, 210), (250, 230), (250, 300)]
AP_DAILY = [0, 3, 7, 15, 27, 50, 100, 200, 300]


def f32_exact(x: float) -> bool:
    return float(np.float32(x)) == x


def design(rng: random.Random, n: int, ap_array: bool):
    rows = []
    for i in range(n):
        # Altitudes cover 100-1000 km evenly (stratified), in 0.5 km steps.
        lo = 100 + 900 * i / n
        alt = round(2 * rng.uniform(lo, 100 + 900 * (i + 1) / n)) / 2
        alt = min(1000.0, max(100.0, alt))
        lat = round(2 * rng.uniform(-90, 90)) / 2
        if i % 37 == 0:
            lat = 90.0 if (i // 37) % 2 == 0 else -90.0
        lon = round(2 * rng.uniform(-180, 180)) / 2
        doy = rng.randint(1, 365)
        sec = 60 * rng.randint(0, 1439)
        f107a, f107 = SOLAR[i % len(SOLAR)]
        ap = AP_DAILY[rng.randrange(len(AP_DAILY))]
        if ap_array:
            # A plausible history: 3-hourly values around the daily level, means of 8 intervals.
            three = [float(max(0, round(ap * rng.uniform(0.3, 2.0)))) for _ in range(4)]
            m1 = float(round(8 * ap * rng.uniform(0.3, 1.5)) / 8)
            m2 = float(round(8 * ap * rng.uniform(0.3, 1.5)) / 8)
            aps = [float(ap)] + three + [m1, m2]
        else:
            aps = [float(ap)] * 7
        values = [alt, lat, lon, float(sec), float(f107), float(f107a)] + aps
        assert all(f32_exact(v) for v in values), values
        rows.append((doy, sec, alt, lat, lon, float(f107), float(f107a), aps))
    return rows


def run(rows, ap_array: bool):
    dates = [np.datetime64(dt.datetime(YEAR, 1, 1) + dt.timedelta(days=r[0] - 1, seconds=r[1])) for r in rows]
    out = pymsis.calculate(
        np.array(dates), np.array([r[4] for r in rows]), np.array([r[3] for r in rows]),
        np.array([r[2] for r in rows]), f107s=np.array([r[5] for r in rows]),
        f107as=np.array([r[6] for r in rows]), aps=np.array([r[7] for r in rows]), version=0,
        geomagnetic_activity=-1 if ap_array else 1)
    flags = [0] + [1] * 23
    if ap_array:
        flags[9] = -1
    result = []
    for r, o in zip(rows, out):
        doy, sec, alt, lat, lon, f107, f107a, aps = r
        lst = sec / 3600.0 + lon / 15.0
        d, t = gtd7d(YEAR, doy, float(sec), alt, lat, lon, lst, f107a, f107, aps[0],
                   ap_a=aps, flags=flags)
        result.append((r, float(o[pymsis.Variable.MASS_DENSITY]), float(o[pymsis.Variable.TEMPERATURE]),
                       d[5] * 1000.0, t[1]))
    return result


def main():
    rng = random.Random(20261121)
    daily = run(design(rng, 240, False), False)
    storm = run(design(rng, 60, True), True)
    header = ["mode", "day_of_year", "seconds_of_day", "altitude_km", "latitude_deg", "longitude_deg",
              "f107", "f107a", "ap_daily", "ap_now", "ap_3h", "ap_6h", "ap_9h", "ap_12_33h", "ap_36_57h",
              "rho_pymsis_kg_m3", "t_pymsis_k", "rho_c_kg_m3", "t_c_k"]
    with open("nrlmsise00_reference.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for mode, rows in (("daily", daily), ("ap_array", storm)):
            for (doy, sec, alt, lat, lon, f107, f107a, aps), rho, temp, rho_c, t_c in rows:
                w.writerow([mode, doy, sec, repr(alt), repr(lat), repr(lon), repr(f107), repr(f107a)]
                           + [repr(a) for a in aps] + [repr(rho), repr(temp), repr(rho_c), repr(t_c)])
    print(f"wrote {len(daily) + len(storm)} rows")


if __name__ == "__main__":
    main()
