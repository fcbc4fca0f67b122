#!/usr/bin/env python3
"""Geocentric Sun and Moon positions from ERFA, for validating OrbitCore's analytic ephemerides.

Writes sun_moon_positions.csv: at 81 dates (2000-01-01 to 2040-01-01 every 182.625 days plus
half a day per step, so the Moon's phase varies) the geometric geocentric positions (m, ICRS
axes) of
  - the Sun: minus ERFA epv00's heliocentric Earth position (epv00 accuracy: a few km;
    heliocentric vectors are in ICRS/BCRS axes), and
  - the Moon: ERFA moon98 (Simon et al. 1994 / Meeus; "GCRS", accuracy ~ a few arcsec and
    ~ km-level distance per the ERFA documentation).
The time argument is TT, used as TDB (|TDB - TT| < 2 ms moves the Moon by < 2 m).

Usage (repository root): python3 -m venv venv && venv/bin/pip install pyerfa==2.0.1.5 numpy
                          venv/bin/python Tests/ReferenceData/erfa-ephem/generate_sun_moon.py
"""
import erfa

OUT = "Tests/ReferenceData/erfa-ephem/sun_moon_positions.csv"
AU = 149597870700.0  # m, IAU 2012 B2 (= ERFA_DAU)


def main():
    assert erfa.DAU == AU
    jd0 = 2451544.5  # 2000-01-01 00:00 TT
    rows = []
    for k in range(81):
        jd1 = jd0 + 182.0 * k
        jd2 = 0.625 * k - int(0.625 * k) + 0.5 * (k % 2)  # fraction of day, varied
        pvh, pvb = erfa.epv00(jd1, jd2)
        sun = [-pvh[0][i] * AU for i in range(3)]
        pvm = erfa.moon98(jd1, jd2)
        moon = [pvm[0][i] * AU for i in range(3)]
        rows.append((jd1, jd2, *sun, *moon))
    with open(OUT, "w", newline="\n") as f:
        f.write("tt_jd1,tt_jd2,sun_x_m,sun_y_m,sun_z_m,moon_x_m,moon_y_m,moon_z_m\n")
        for r in rows:
            f.write(f"{r[0]:.1f},{r[1]:.17g}," + ",".join(f"{v:.17e}" for v in r[2:]) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows with pyerfa {erfa.__version__} (ERFA {erfa.version.erfa_version}, SOFA {erfa.version.sofa_version})")


if __name__ == "__main__":
    main()
