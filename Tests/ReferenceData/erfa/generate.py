#!/usr/bin/env python3
"""Generate ERFA (SOFA) reference tables for the Orbit time and frame tests.

Run once by hand; the Swift tests only read the CSV files this script writes.

Recreate the environment and regenerate (from the repository root):

    python3 -m venv .venv-erfa
    .venv-erfa/bin/pip install pyerfa==2.0.1.5 numpy
    .venv-erfa/bin/python Tests/ReferenceData/erfa/generate.py

Outputs (written next to this script):

    time_scales.csv                    UTC -> TAI -> TT -> TDB (erfa.dtf2d, dat, utctai, taitt, dtdb, tttdb)
    gmst_era.csv                       erfa.gmst82, era00, eqeq94, gst94
    precession_nutation_iau76_80.csv   erfa.pmat76, nut80, obl80, numat, pnm80
    frame_bias.csv                     erfa.bi00 and the bias matrix of erfa.bp00
    gcrf_itrf.csv                      classical IAU-76/80 GCRF -> ITRF with IERS EOP

Everything is deterministic: fixed seeds (numpy default_rng) and fixed instants.
Doubles are written with repr() (shortest round-trip form, i.e. up to 17
significant digits), so no precision is lost.

See PROVENANCE.md for the exact definitions of every column.
"""

import copy
import csv
import math
import os
import warnings

import numpy as np
import erfa

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
EOP_CSV = os.path.join(REPO, "Tests", "ReferenceData", "iers",
                       "eop_finals2000A_bulletinA_2012_onward.csv")

# ERFA flags years more than 5 years after its release (2029+ for ERFA 2.0.1)
# as "dubious" because a leap second might have been announced since; the
# returned TAI-UTC (37 s) is still the value of the built-in table.  We accept
# that and say so in PROVENANCE.md; any other ERFA warning is an error.
# (filterwarnings prepends, so the more specific "ignore" filter comes last.)
warnings.filterwarnings("error", category=erfa.ErfaWarning)
warnings.filterwarnings("ignore", message=r".*dubious year.*", category=erfa.ErfaWarning)

DAY_S = 86400.0


def f(x):
    """Format a double with full round-trip precision."""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError("non-finite value %r" % x)
    return repr(x)


def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)
    print("wrote %-36s %4d rows" % (name, len(rows)))


def mat_cells(m):
    """Row-major 3x3 matrix -> list of 9 formatted strings (m[i][j], i = row)."""
    m = np.asarray(m)
    return [f(m[i, j]) for i in range(3) for j in range(3)]


def mat_names(prefix):
    return ["%s%d%d" % (prefix, i, j) for i in range(3) for j in range(3)]


# ---------------------------------------------------------------- UTC helpers

def leap_days():
    """Dates (y, m, d) of the UTC days that end in an inserted leap second,
    taken from ERFA's own built-in leap-second table (erfa.leap_seconds)."""
    table = erfa.leap_seconds.get()
    out = []
    prev = None
    for y, m, dat in zip(table["year"], table["month"], table["tai_utc"]):
        y, m, dat = int(y), int(m), float(dat)
        if y >= 1972 and prev is not None and dat - prev == 1.0:
            # The step takes effect at 0h of (y, m, 1): the leap second is the
            # last second of the previous day.
            ly, lm = (y, m - 1) if m > 1 else (y - 1, 12)
            ld = int(erfa.cal2jd(y, m, 1)[1]) - int(erfa.cal2jd(ly, lm, 1)[1])
            out.append((ly, lm, ld))
        prev = dat
    return out


LEAP_DAYS = leap_days()
LEAP_DAY_SET = set(LEAP_DAYS)


def day_length_s(y, m, d):
    """Length of UTC day (y, m, d) in SI seconds: 86401 on leap days."""
    return DAY_S + (1.0 if (y, m, d) in LEAP_DAY_SET else 0.0)


def iso(y, mo, d, h, mi, s_int, us):
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (y, mo, d, h, mi, s_int, us)


class Utc:
    """A UTC instant given as calendar fields with microsecond resolution."""

    def __init__(self, y, mo, d, h, mi, s_int, us):
        self.y, self.mo, self.d = y, mo, d
        self.h, self.mi, self.s_int, self.us = h, mi, s_int, us
        self.sec = s_int + us / 1e6           # seconds field as a double
        self.iso = iso(y, mo, d, h, mi, s_int, us)
        self.jd1, self.jd2 = erfa.dtf2d("UTC", y, mo, d, h, mi, self.sec)
        # Seconds elapsed since 0h UTC of this day (can be >= 86400 inside a
        # leap second) and the fraction of the UTC day, day length 86400 or
        # 86401 s -- the same fraction ERFA's quasi-JD uses.
        self.elapsed = 3600.0 * h + 60.0 * mi + self.sec
        self.fd = self.elapsed / day_length_s(y, mo, d)
        # MJD (integer) of 0h UTC of this day.
        self.mjd0 = int(round(erfa.cal2jd(y, mo, d)[1]))


def utc_from_day_second(mjd, sec_us):
    """UTC instant from an MJD day number and microseconds since 0h (< 86400 s)."""
    y, mo, d, _ = erfa.jd2cal(erfa.DJM0, float(mjd))
    s_total, us = divmod(int(sec_us), 1_000_000)
    h, rem = divmod(s_total, 3600)
    mi, s_int = divmod(rem, 60)
    return Utc(int(y), int(mo), int(d), int(h), int(mi), int(s_int), int(us))


def random_utc(rng, n, mjd_first, mjd_last, avoid_leap_days=False):
    """n random UTC instants, day uniform in [mjd_first, mjd_last], time of day
    uniform in [0, 86400) s at microsecond resolution (never inside a leap
    second)."""
    out = []
    while len(out) < n:
        mjd = int(rng.integers(mjd_first, mjd_last + 1))
        us = int(rng.integers(0, 86_400_000_000))
        u = utc_from_day_second(mjd, us)
        if avoid_leap_days and (u.y, u.mo, u.d) in LEAP_DAY_SET:
            continue
        out.append(u)
    return out


def utc_to_tt(u):
    tai1, tai2 = erfa.utctai(u.jd1, u.jd2)
    tt1, tt2 = erfa.taitt(tai1, tai2)
    return tai1, tai2, tt1, tt2


MJD_1972_01_01 = 41317
MJD_2030_12_31 = int(round(erfa.cal2jd(2030, 12, 31)[1]))


# ------------------------------------------------------------ time_scales.csv

def time_scales():
    rng = np.random.default_rng(20261121)
    instants = []
    # Fixed instants.
    instants.append(Utc(1972, 1, 1, 0, 0, 0, 0))
    instants.append(Utc(2000, 1, 1, 11, 58, 55, 816000))   # J2000.0 TT
    instants.append(Utc(2000, 1, 1, 12, 0, 0, 0))
    instants.append(Utc(2030, 12, 31, 23, 59, 59, 999999))
    # Around every leap second.
    for (y, mo, d) in LEAP_DAYS:
        instants.append(Utc(y, mo, d, 23, 59, 59, 500000))
        instants.append(Utc(y, mo, d, 23, 59, 60, 0))
        instants.append(Utc(y, mo, d, 23, 59, 60, 500000))
        instants.append(Utc(y, mo, d, 23, 59, 60, 999000))
        ny, nmo, nd, _ = erfa.jd2cal(erfa.DJM0, erfa.cal2jd(y, mo, d)[1] + 1.0)
        instants.append(Utc(int(ny), int(nmo), int(nd), 0, 0, 0, 0))
        instants.append(Utc(int(ny), int(nmo), int(nd), 0, 0, 0, 250000))
    # Random instants.
    instants += random_utc(rng, 100, MJD_1972_01_01, MJD_2030_12_31)

    rows = []
    for u in instants:
        dat = erfa.dat(u.y, u.mo, u.d, u.fd)
        tai1, tai2, tt1, tt2 = utc_to_tt(u)
        dtdb = erfa.dtdb(tt1, tt2, u.fd, 0.0, 0.0, 0.0)
        tdb1, tdb2 = erfa.tttdb(tt1, tt2, dtdb)
        rows.append([u.iso, f(u.jd1), f(u.jd2), f(dat), f(tai1), f(tai2),
                     f(tt1), f(tt2), f(dtdb), f(tdb1), f(tdb2)])
    write_csv("time_scales.csv",
              ["utc_iso", "utc_jd1", "utc_jd2", "tai_minus_utc_s", "tai_jd1", "tai_jd2",
               "tt_jd1", "tt_jd2", "tdb_minus_tt_s", "tdb_jd1", "tdb_jd2"], rows)


# --------------------------------------------------------------- gmst_era.csv

def gmst_era():
    rng = np.random.default_rng(20261122)
    pairs = [((erfa.DJ00, 0.0), (erfa.DJ00, 0.0))]   # J2000.0 for both UT1 and TT
    for u in random_utc(rng, 100, MJD_1972_01_01, MJD_2030_12_31, avoid_leap_days=True):
        _, _, tt1, tt2 = utc_to_tt(u)
        pairs.append(((u.jd1, u.jd2), (tt1, tt2)))     # UT1 := UTC (UT1-UTC = 0)
    rows = []
    for (u1, u2), (t1, t2) in pairs:
        rows.append([f(u1), f(u2), f(t1), f(t2),
                     f(erfa.gmst82(u1, u2)), f(erfa.era00(u1, u2)),
                     f(erfa.eqeq94(t1, t2)), f(erfa.gst94(u1, u2))])
    write_csv("gmst_era.csv",
              ["ut1_jd1", "ut1_jd2", "tt_jd1", "tt_jd2",
               "gmst82_rad", "era00_rad", "eqeq94_rad", "gst94_rad"], rows)


# ----------------------------------------------- precession_nutation_iau76_80

def precession_nutation():
    rng = np.random.default_rng(20261123)
    tts = [(erfa.DJ00, 0.0)]                          # J2000.0 TT
    for u in random_utc(rng, 100, MJD_1972_01_01, MJD_2030_12_31):
        _, _, tt1, tt2 = utc_to_tt(u)
        tts.append((tt1, tt2))
    rows = []
    for t1, t2 in tts:
        dpsi, deps = erfa.nut80(t1, t2)
        epsa = erfa.obl80(t1, t2)
        p = erfa.pmat76(t1, t2)
        n = erfa.numat(epsa, dpsi, deps)
        pn = erfa.pnm80(t1, t2)
        rows.append([f(t1), f(t2), f(dpsi), f(deps), f(epsa)]
                    + mat_cells(p) + mat_cells(n) + mat_cells(pn))
    write_csv("precession_nutation_iau76_80.csv",
              ["tt_jd1", "tt_jd2", "dpsi_rad", "deps_rad", "epsa_rad"]
              + mat_names("p") + mat_names("n") + mat_names("pn"), rows)


# ------------------------------------------------------------- frame_bias.csv

def frame_bias():
    dpsibi, depsbi, dra = erfa.bi00()
    rb, _rp, _rbp = erfa.bp00(erfa.DJ00, 0.0)
    write_csv("frame_bias.csv",
              ["dpsibi_rad", "depsbi_rad", "dra_rad"] + mat_names("b"),
              [[f(dpsibi), f(depsbi), f(dra)] + mat_cells(rb)])


# -------------------------------------------------------------- gcrf_itrf.csv

def load_eop():
    eop = {}
    with open(EOP_CSV, newline="") as fh:
        for r in csv.DictReader(fh):
            mjd = int(r["mjd"])
            y, mo, d = (int(v) for v in r["date"].split("-"))
            assert int(round(erfa.cal2jd(y, mo, d)[1])) == mjd, r
            dat0 = erfa.dat(y, mo, d, 0.0)               # TAI-UTC at 0h of the row's date
            eop[mjd] = (float(r["x_arcsec"]), float(r["y_arcsec"]),
                        float(r["ut1_utc_s"]) - dat0)    # UT1-TAI of the row
    return eop


def eop_at(eop, u):
    """Interpolation rule (also implemented by the Swift code): rows floor(m)
    and floor(m)+1, linear in the fraction of the UTC day."""
    r0, r1 = eop[u.mjd0], eop[u.mjd0 + 1]
    t = u.fd
    x = r0[0] + (r1[0] - r0[0]) * t
    y = r0[1] + (r1[1] - r0[1]) * t
    ut1_tai = r0[2] + (r1[2] - r0[2]) * t
    dut1 = ut1_tai + erfa.dat(u.y, u.mo, u.d, u.fd)
    return x, y, dut1


def gcrf_to_itrf(u, dut1, xp, yp, r_gcrf):
    _, _, tt1, tt2 = utc_to_tt(u)
    ut11, ut12 = erfa.utcut1(u.jd1, u.jd2, dut1)
    gst = erfa.gst94(ut11, ut12)
    pn = erfa.pnm80(tt1, tt2)
    rb = erfa.bp00(tt1, tt2)[0]
    r3 = erfa.rz(gst, np.eye(3))
    w = erfa.pom00(xp, yp, 0.0)
    m = w @ r3 @ pn @ rb
    return m @ r_gcrf


def gcrf_itrf():
    rng = np.random.default_rng(20261124)
    eop = load_eop()
    first = int(round(erfa.cal2jd(2012, 1, 2)[1]))
    last = int(round(erfa.cal2jd(2027, 10, 28)[1]))
    assert last + 1 in eop and first in eop

    instants = []
    # Table nodes (00:00:00 UTC), including both ends of the range.
    nodes = [first, last] + [int(v) for v in rng.integers(first, last + 1, 10)]
    for (y, mo, d) in [(2012, 6, 30), (2015, 6, 30), (2016, 12, 31), (2017, 1, 1)]:
        nodes.append(int(round(erfa.cal2jd(y, mo, d)[1])))
    for mjd in nodes:
        instants.append(utc_from_day_second(mjd, 0))
    # Days that end in a leap second (not inside the leap second itself).
    for (y, mo, d) in [(2012, 6, 30), (2015, 6, 30), (2016, 12, 31)]:
        instants.append(Utc(y, mo, d, 12, 0, 0, 0))
        instants.append(Utc(y, mo, d, 23, 59, 59, 0))
        instants.append(Utc(y, mo, d, 23, 59, 59, 999000))
        mjd = int(round(erfa.cal2jd(y, mo, d)[1]))
        instants.append(utc_from_day_second(mjd, int(rng.integers(0, 86_400_000_000))))
    # Random instants.
    instants += random_utc(rng, 80, first, last)

    rows = []
    alt_max = 0.0
    for u in instants:
        xa, ya, dut1 = eop_at(eop, u)
        xp, yp = xa * erfa.DAS2R, ya * erfa.DAS2R
        # Random position: direction uniform on the sphere, |r| in [6700, 7200] km.
        v = rng.normal(size=3)
        v /= np.linalg.norm(v)
        r = v * rng.uniform(6_700_000.0, 7_200_000.0)
        itrf = gcrf_to_itrf(u, dut1, xp, yp, r)
        # Sensitivity check (reported in PROVENANCE.md, not written): the same
        # with the day fraction taken as elapsed/86400 also on leap days.
        if u.fd != u.elapsed / DAY_S:
            alt = copy.copy(u)
            alt.fd = u.elapsed / DAY_S
            xa2, ya2, dut12 = eop_at(eop, alt)
            itrf2 = gcrf_to_itrf(u, dut12, xa2 * erfa.DAS2R, ya2 * erfa.DAS2R, r)
            alt_max = max(alt_max, float(np.linalg.norm(itrf2 - itrf)))
        rows.append([u.iso, f(dut1), f(xp), f(yp)] + [f(c) for c in r] + [f(c) for c in itrf])
    write_csv("gcrf_itrf.csv",
              ["utc_iso", "ut1_minus_utc_s", "xp_rad", "yp_rad",
               "gcrf_x_m", "gcrf_y_m", "gcrf_z_m", "itrf_x_m", "itrf_y_m", "itrf_z_m"], rows)
    print("leap-day fraction sensitivity (86401 vs 86400 divisor): max |d r_itrf| = %.3e m"
          % alt_max)


def main():
    assert len(LEAP_DAYS) == 27, LEAP_DAYS
    assert LEAP_DAYS[0] == (1972, 6, 30) and LEAP_DAYS[-1] == (2016, 12, 31)
    print("pyerfa", erfa.__version__, "ERFA", erfa.version.erfa_version,
          "SOFA", erfa.version.sofa_version, "numpy", np.__version__)
    time_scales()
    gmst_era()
    precession_nutation()
    frame_bias()
    gcrf_itrf()


if __name__ == "__main__":
    main()
