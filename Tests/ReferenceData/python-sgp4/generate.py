#!/usr/bin/env python3
"""Generate catalogue-like TLEs and their python-sgp4 states (reference data for Orbit's SGP4/SDP4).

Run once, by hand, from this directory (tests never run Python):

    python3 -m venv .venv-sgp4 && .venv-sgp4/bin/pip install sgp4==2.27 numpy
    .venv-sgp4/bin/python generate.py

Writes, next to this script:
  tles.txt    3-line TLE sets (name line "GEN-0001 LEO-SSO", line 1, line 2), LF line endings.
  states.csv  norad,tsince_min,error,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s  (TEME, WGS-72, opsmode 'i').

Every element is drawn as an integer in the unit of its TLE field (1e-4 deg, 1e-7 eccentricity, 1e-8 rev/day,
...), so the TLE text is exact and the formatter never rounds. Each line is checked for its column layout and
mod-10 checksum, parsed back with both `sgp4.io.twoline2rv` (pure Python) and `sgp4.api.Satrec.twoline2rv`
(C++ when accelerated), compared field by field with the drawn integers, and re-formatted from the parsed values
to the same bytes. The generator is deterministic: the same seed and sgp4 version give the same files.
"""

import hashlib
import math
import os
import random
import sys
from collections import Counter

import sgp4
from sgp4 import io as sgp4_io
from sgp4.api import SGP4_ERRORS, WGS72, Satrec, accelerated
from sgp4.earth_gravity import wgs72 as WGS72_PY

SEED = 20261121
TSINCE_MIN = [-4320.0, -2880.0, -1440.0, -720.0, -90.0, 0.0, 37.5, 90.0, 720.0, 1440.0, 2880.0, 4320.0]

MU_KM3_S2 = 398600.8     # WGS-72, only used to place orbits (altitude <-> mean motion); not part of the data
RE_KM = 6378.135         # WGS-72 equatorial radius
J2 = 0.001082616
DEG = math.pi / 180.0
XPDOTP = 1440.0 / (2.0 * math.pi)
ALPHA5 = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O: A = 10 ... Z = 33


# --------------------------------------------------------------------------------------------------------------
# Formatter (integers in field units -> column-exact text)

def checksum(line68):
    """Mod-10 TLE checksum of the first 68 columns: digits count their value, '-' counts 1."""
    return sum(int(c) if c.isdigit() else (1 if c == "-" else 0) for c in line68[:68]) % 10


def fmt_catalog(num):
    """5-column catalogue number; 100000..339999 use the alpha-5 form (A0000..Z9999)."""
    if num < 100000:
        return "%05d" % num
    head, tail = divmod(num, 10000)
    return ALPHA5[head - 10] + "%04d" % tail


def decode_catalog(field):
    if field[0].isdigit():
        return int(field)
    return (ALPHA5.index(field[0]) + 10) * 10000 + int(field[1:])


def fmt_angle(k):
    """8 columns, 1e-4 degree units: '%8.4f'."""
    return "%3d.%04d" % divmod(k, 10000)


def fmt_ndot(k):
    """10 columns, ndot/2 in 1e-8 rev/day^2: ' .00001767' or '-.00001767'."""
    return ("-" if k < 0 else " ") + ".%08d" % abs(k)


def fmt_exp(mant, exp, plus_zero=False):
    """8 columns, implied-decimal mantissa and exponent: value = mant * 1e-5 * 10**exp, ' 35856-4'."""
    sign = "-" if mant < 0 else " "
    esign = "-" if exp < 0 or (exp == 0 and not plus_zero) else "+"
    return "%s%05d%s%d" % (sign, abs(mant), esign, abs(exp))


def fmt_epoch(yy, day_e8):
    """14 columns: YYDDD.DDDDDDDD."""
    d, f = divmod(day_e8, 10 ** 8)
    return "%02d%03d.%08d" % (yy, d, f)


def fmt_mean_motion(k):
    """11 columns, 1e-8 rev/day: '%11.8f'."""
    return "%2d.%08d" % divmod(k, 10 ** 8)


def format_tle(e):
    l1 = "1 %s%s %-8s %s %s %s %s %s %4d" % (
        fmt_catalog(e["catalog"]), e["cls"], e["intl"], fmt_epoch(e["yy"], e["day_e8"]),
        fmt_ndot(e["ndot_e8"]), fmt_exp(e["nddot_m"], e["nddot_x"], e["plus_zero"]),
        fmt_exp(e["bstar_m"], e["bstar_x"], e["plus_zero"]), "0", e["elnum"])
    l2 = "2 %s %s %s %07d %s %s %s%5d" % (
        fmt_catalog(e["catalog"]), fmt_angle(e["inc_e4"]), fmt_angle(e["raan_e4"]), e["ecc_e7"],
        fmt_angle(e["argp_e4"]), fmt_angle(e["ma_e4"]), fmt_mean_motion(e["n_e8"]), e["rev"])
    assert len(l1) == 68 and len(l2) == 68, (l1, l2)
    return l1 + str(checksum(l1)), l2 + str(checksum(l2))


# --------------------------------------------------------------------------------------------------------------
# Element draws

def n_from_sma(a_km):
    """Kepler mean motion, rev/day, for a semi-major axis in km."""
    return math.sqrt(MU_KM3_S2 / a_km ** 3) * 86400.0 / (2.0 * math.pi)


def sma_from_n(n_rev_day):
    w = n_rev_day * 2.0 * math.pi / 86400.0
    return (MU_KM3_S2 / (w * w)) ** (1.0 / 3.0)


def sso_inclination_deg(a_km, e):
    """Sun-synchronous inclination from the J2 nodal rate (0.9856 deg/day)."""
    n = math.sqrt(MU_KM3_S2 / a_km ** 3)
    p = a_km * (1 - e * e)
    target = 2.0 * math.pi / (365.2422 * 86400.0)
    cosi = -target / (1.5 * J2 * n * (RE_KM / p) ** 2)
    return math.degrees(math.acos(cosi))


def exp_field(rng, lo, hi, sign=1):
    """A value with log-uniform magnitude in [lo, hi] as (5-digit normalised mantissa, exponent)."""
    v = 10 ** rng.uniform(math.log10(lo), math.log10(hi))
    exp = math.floor(math.log10(v)) + 1          # v = 0.mmmmm * 10**exp
    mant = int(round(v / 10 ** exp * 1e5))
    if mant >= 100000:
        mant, exp = 10000, exp + 1
    mant = max(mant, 10000)
    assert -9 <= exp <= 9, v
    return sign * mant, exp


class Draw:
    def __init__(self, rng):
        self.rng = rng

    def ang(self, lo=0.0, hi=360.0):
        return min(int(round(self.rng.uniform(lo, hi) * 1e4)), 3599999) % 3600000

    def inc(self, deg):
        return max(0, min(1800000, int(round(deg * 1e4))))

    def ecc(self, e):
        return max(0, min(9999999, int(round(e * 1e7))))

    def n(self, rev_day):
        return int(round(rev_day * 1e8))


def base_elements(rng, regime):
    """Common fields; regime functions overwrite the orbit."""
    yy_full = rng.choice(list(range(1998, 2027)))
    leap = yy_full % 4 == 0
    day = rng.randint(1, 366 if leap else 365)
    return {
        "regime": regime, "cls": "U", "yy": yy_full % 100, "year": yy_full,
        "day_e8": day * 10 ** 8 + rng.randrange(10 ** 8),
        "ndot_e8": 0, "nddot_m": 0, "nddot_x": 0, "bstar_m": 0, "bstar_x": 0, "plus_zero": False,
        "elnum": rng.randint(1, 999), "rev": 0,
    }


def intl_designator(rng, year):
    if rng.random() < 0.02:
        return ""                                  # analyst objects carry a blank designator
    ly = rng.randint(max(1958, year - 30), year)
    piece = rng.choice(["A", "B", "C", "D", "E", "F", "AB", "BC", "ZZ", "AAD", "C"])
    return "%02d%03d%s" % (ly % 100, rng.randint(1, 150 if ly >= 2015 else 120), piece)


def drag_terms(rng, e, bstar_lo, bstar_hi, ndot_lo, ndot_hi, nddot_frac=0.1, negative=False):
    sgn = -1 if negative else 1
    e["bstar_m"], e["bstar_x"] = exp_field(rng, bstar_lo, bstar_hi, sgn)
    nd = 10 ** rng.uniform(math.log10(ndot_lo), math.log10(ndot_hi))
    e["ndot_e8"] = sgn * max(1, int(round(nd * 1e8)))
    if rng.random() < nddot_frac:
        e["nddot_m"], e["nddot_x"] = exp_field(rng, 2e-10, 1e-5, rng.choice([1, 1, -1]))


def leo(rng, d, e, alt_lo, alt_hi, inc, ecc_lo=0.0001, ecc_hi=0.002):
    ecc = rng.uniform(ecc_lo, ecc_hi)
    hp = rng.uniform(alt_lo, alt_hi)
    a = (RE_KM + hp) / (1 - ecc)
    e.update(inc_e4=d.inc(inc), raan_e4=d.ang(), ecc_e7=d.ecc(ecc), argp_e4=d.ang(), ma_e4=d.ang(),
             n_e8=d.n(n_from_sma(a)), rev=rng.randint(0, 99999))
    return a, ecc


def gen_regime(rng, regime):
    d = Draw(rng)
    e = base_elements(rng, regime)
    e["intl"] = intl_designator(rng, e["year"])
    if regime == "LEO-ISS":
        e.update(inc_e4=d.inc(rng.uniform(51.60, 51.66)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(1e-4, 8e-4)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(rng.uniform(15.48, 15.55)), rev=rng.randint(0, 99999))
        drag_terms(rng, e, 1e-5, 6e-4, 1e-6, 3e-4, nddot_frac=0.15)
    elif regime == "LEO-SSO":
        ecc = rng.uniform(1e-4, 3e-3)
        a = RE_KM + rng.uniform(450, 900)
        e.update(inc_e4=d.inc(sso_inclination_deg(a, ecc) + rng.uniform(-0.05, 0.05)), raan_e4=d.ang(),
                 ecc_e7=d.ecc(ecc), argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(n_from_sma(a)),
                 rev=rng.randint(0, 99999))
        drag_terms(rng, e, 1e-6, 1e-3, 1e-8, 3e-5, nddot_frac=0.05)
    elif regime == "LEO-GEN":
        inc = rng.choice([0.1, 28.5, 43.0, 45.0, 48.0, 53.0, 53.2, 55.0, 65.0, 70.0, 74.0, 82.0, 86.4, 90.0,
                          96.0, 100.0, 105.0, 120.0, 140.0, None])
        inc = rng.uniform(0, 145) if inc is None else inc + rng.uniform(-0.1, 0.1)
        leo(rng, d, e, 300, 2000, inc, 0.0, 0.02)
        drag_terms(rng, e, 1e-6, 5e-4, 1e-8, 1e-4, nddot_frac=0.05)
    elif regime == "LEO-ECC":
        ecc = rng.uniform(0.02, 0.1)
        hp = rng.uniform(250, 1000)
        a = (RE_KM + hp) / (1 - ecc)
        if 1440.0 / n_from_sma(a) >= 220.0:     # keep these near-earth
            a = sma_from_n(6.7)
        e.update(inc_e4=d.inc(rng.uniform(0, 110)), raan_e4=d.ang(), ecc_e7=d.ecc(ecc), argp_e4=d.ang(),
                 ma_e4=d.ang(), n_e8=d.n(n_from_sma(a)), rev=rng.randint(0, 50000))
        drag_terms(rng, e, 1e-6, 3e-3, 1e-8, 1e-4, nddot_frac=0.1)
    elif regime == "LEO-DRAG":                  # high B*, large ndot and nonzero nddot
        leo(rng, d, e, 220, 380, rng.uniform(0, 100), 0.0001, 0.01)
        drag_terms(rng, e, 1e-3, 5e-2, 1e-4, 5e-3, nddot_frac=0.7)
    elif regime == "LEO-NEGB":                  # negative B* (and often negative ndot)
        leo(rng, d, e, 350, 1200, rng.uniform(0, 100), 0.0, 0.01)
        drag_terms(rng, e, 1e-6, 3e-4, 1e-8, 1e-5, nddot_frac=0.2, negative=True)
        if rng.random() < 0.4:
            e["ndot_e8"] = abs(e["ndot_e8"])
    elif regime == "LEO-DECAY":                 # re-entering: errors (decayed, eccentricity) expected
        leo(rng, d, e, 110, 190, rng.uniform(0, 100), 0.0, 0.03)
        drag_terms(rng, e, 5e-3, 5e-1, 1e-3, 5e-2, nddot_frac=0.8)
    elif regime == "MEO-GPS":
        e.update(inc_e4=d.inc(rng.uniform(53.0, 57.5)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(1e-3, 2e-2)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(rng.uniform(2.0052, 2.0062)), rev=rng.randint(0, 9999))
        drag_terms(rng, e, 1e-6, 1e-4, 1e-9, 1e-7, nddot_frac=0.0, negative=rng.random() < 0.4)
        if rng.random() < 0.3:
            e["bstar_m"] = e["bstar_x"] = 0
    elif regime == "MEO-GLONASS":
        e.update(inc_e4=d.inc(rng.uniform(64.0, 65.8)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(1e-4, 3e-3)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(rng.uniform(2.1311, 2.1316)), rev=rng.randint(0, 9999))
        drag_terms(rng, e, 1e-6, 1e-4, 1e-9, 1e-7, nddot_frac=0.0, negative=rng.random() < 0.5)
    elif regime == "MEO-GALILEO":
        e.update(inc_e4=d.inc(rng.uniform(54.5, 57.5)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(1e-4, 1e-3)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(rng.uniform(1.7046, 1.7050)), rev=rng.randint(0, 9999))
        drag_terms(rng, e, 1e-6, 1e-4, 1e-9, 1e-7, nddot_frac=0.0, negative=rng.random() < 0.5)
    elif regime == "MEO-OTHER":                 # 228..480 min: O3b-like, Beidou-MEO-like, debris
        e.update(inc_e4=d.inc(rng.choice([0.05, 28.0, 45.0, 55.0, 63.0, 80.0])), raan_e4=d.ang(),
                 ecc_e7=d.ecc(rng.uniform(0, 0.3)), argp_e4=d.ang(), ma_e4=d.ang(),
                 n_e8=d.n(rng.uniform(3.0, 6.3)), rev=rng.randint(0, 30000))
        drag_terms(rng, e, 1e-7, 1e-4, 1e-9, 1e-6, nddot_frac=0.1)
    elif regime == "GEO":
        r = rng.random()
        if r < 0.6:                             # station-kept
            inc, n, ecc = rng.uniform(0.0, 0.1), rng.uniform(1.00265, 1.00282), rng.uniform(5e-5, 6e-4)
        elif r < 0.85:                          # uncontrolled, inclination grown
            inc, n, ecc = rng.uniform(0.5, 15.0), rng.uniform(1.0020, 1.0035), rng.uniform(1e-4, 3e-3)
        else:                                   # graveyard / drifting
            inc, n, ecc = rng.uniform(0.0, 14.0), rng.uniform(0.985, 1.015), rng.uniform(1e-4, 5e-3)
        e.update(inc_e4=d.inc(inc), raan_e4=d.ang(), ecc_e7=d.ecc(ecc), argp_e4=d.ang(), ma_e4=d.ang(),
                 n_e8=d.n(n), rev=rng.randint(0, 9999))
        if rng.random() < 0.5:
            drag_terms(rng, e, 1e-7, 1e-4, 1e-9, 3e-6, nddot_frac=0.0, negative=rng.random() < 0.5)
    elif regime == "MOLNIYA":                   # 12 h, e ~ 0.7, critical inclination: 12 h resonance
        e.update(inc_e4=d.inc(rng.uniform(62.8, 64.9)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(0.65, 0.745)),
                 argp_e4=d.ang(250, 290), ma_e4=d.ang(), n_e8=d.n(rng.uniform(2.0040, 2.0085)),
                 rev=rng.randint(0, 30000))
        drag_terms(rng, e, 1e-6, 3e-4, 1e-9, 3e-6, nddot_frac=0.1, negative=rng.random() < 0.3)
    elif regime == "TUNDRA":                    # 24 h resonant, e 0.25..0.42
        e.update(inc_e4=d.inc(rng.uniform(57.0, 65.0)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(0.24, 0.42)),
                 argp_e4=d.ang(250, 290), ma_e4=d.ang(), n_e8=d.n(rng.uniform(1.0023, 1.0031)),
                 rev=rng.randint(0, 9999))
        if rng.random() < 0.5:
            drag_terms(rng, e, 1e-7, 1e-5, 1e-9, 1e-7, nddot_frac=0.0)
    elif regime == "GTO":                       # perigee 180..650 km, apogee ~ GEO
        hp, ha = rng.uniform(180, 650), rng.uniform(35000, 36500)
        a = RE_KM + (hp + ha) / 2
        e.update(inc_e4=d.inc(rng.choice([rng.uniform(0, 7), rng.uniform(7, 28.5), rng.uniform(45, 52)])),
                 raan_e4=d.ang(), ecc_e7=d.ecc((ha - hp) / (2 * a)), argp_e4=d.ang(), ma_e4=d.ang(),
                 n_e8=d.n(n_from_sma(a)), rev=rng.randint(0, 20000))
        drag_terms(rng, e, 1e-5, 5e-3, 1e-7, 1e-4, nddot_frac=0.2)
    elif regime == "HEO-OTHER":                 # long-period highly eccentric (science, lunar transfer-ish)
        n = rng.uniform(0.15, 1.8)
        a = sma_from_n(n)
        hp = rng.uniform(400, 20000)
        ecc = min(0.93, 1 - (RE_KM + hp) / a)
        e.update(inc_e4=d.inc(rng.uniform(0, 100)), raan_e4=d.ang(), ecc_e7=d.ecc(max(ecc, 0.1)), argp_e4=d.ang(),
                 ma_e4=d.ang(), n_e8=d.n(n), rev=rng.randint(0, 3000))
        if rng.random() < 0.5:
            drag_terms(rng, e, 1e-7, 1e-4, 1e-9, 1e-6, nddot_frac=0.1)
    elif regime == "BOUNDARY":                  # periods 218..232 min around the 225 min SGP4/SDP4 switch
        e.update(inc_e4=d.inc(rng.uniform(0, 100)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(0, 0.25)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(1440.0 / rng.uniform(218.0, 232.0)),
                 rev=rng.randint(0, 30000))
        drag_terms(rng, e, 1e-6, 1e-3, 1e-8, 1e-5, nddot_frac=0.2, negative=rng.random() < 0.2)
    elif regime == "NE-HIGH-E":                 # near-earth (period < 225 min) with e 0.3..0.9: low-perigee stress
        e.update(inc_e4=d.inc(rng.uniform(0, 110)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(0.3, 0.9)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(rng.uniform(6.6, 12.0)), rev=rng.randint(0, 9999))
        drag_terms(rng, e, 1e-6, 1e-2, 1e-8, 1e-3, nddot_frac=0.3, negative=rng.random() < 0.3)
    elif regime == "DS-EXTREME":                # deep space, e 0.95..0.9995: error codes 2, 4, 6 expected
        e.update(inc_e4=d.inc(rng.uniform(0, 120)), raan_e4=d.ang(), ecc_e7=d.ecc(rng.uniform(0.95, 0.9995)),
                 argp_e4=d.ang(), ma_e4=d.ang(), n_e8=d.n(rng.uniform(1.0, 6.3)), rev=rng.randint(0, 999))
        drag_terms(rng, e, 1e-6, 1e-2, 1e-8, 1e-2, nddot_frac=0.3, negative=rng.random() < 0.3)
    else:
        raise ValueError(regime)
    if rng.random() < 0.05:
        e["plus_zero"] = True                   # '+0' exponent spelling for zero exponents
    return e


REGIMES = [  # (label, count)
    ("LEO-ISS", 60), ("LEO-SSO", 160), ("LEO-GEN", 200), ("LEO-ECC", 80), ("LEO-DRAG", 40), ("LEO-NEGB", 20),
    ("LEO-DECAY", 20), ("MEO-GPS", 80), ("MEO-GLONASS", 30), ("MEO-GALILEO", 30), ("MEO-OTHER", 20),
    ("GEO", 120), ("MOLNIYA", 60), ("TUNDRA", 30), ("GTO", 50), ("HEO-OTHER", 30), ("BOUNDARY", 30),
    ("NE-HIGH-E", 10), ("DS-EXTREME", 20),
]
ALPHA5_FRACTION = 0.05


# --------------------------------------------------------------------------------------------------------------
# Verification

def check_layout(l1, l2):
    assert len(l1) == 69 and len(l2) == 69
    for line in (l1, l2):
        assert int(line[68]) == checksum(line), line
        sgp4_io.verify_checksum(line)
    for i in (1, 8, 17, 32, 43, 52, 61, 63):
        assert l1[i] == " ", (l1, i)
    for i in (1, 7, 16, 25, 33, 42, 51):
        assert l2[i] == " ", (l2, i)
    assert l1[23] == "." and l1[34] == "." and l2[11] == "." and l2[20] == "." and l2[37] == "."
    assert l2[46] == "." and l2[54] == "."
    assert l1[2:7] == l2[2:7]


def close(a, b, rel=4e-16, abs_=0.0):
    return abs(a - b) <= max(abs_, rel * max(abs(a), abs(b)))


def verify_round_trip(e, l1, l2):
    """Both parsers read back the drawn integers; the Python parse re-formats to the same bytes."""
    py = sgp4_io.twoline2rv(l1, l2, WGS72_PY)
    cx = Satrec.twoline2rv(l1, l2, WGS72)
    for s in (py, cx):
        assert s.satnum == e["catalog"], (s.satnum, e["catalog"])
        assert s.epochyr % 100 == e["yy"] and close(s.epochdays, e["day_e8"] / 1e8)
        assert close(s.inclo, e["inc_e4"] / 1e4 * DEG, 1e-15, 1e-18)
        assert close(s.nodeo, e["raan_e4"] / 1e4 * DEG, 1e-15, 1e-18)
        assert close(s.argpo, e["argp_e4"] / 1e4 * DEG, 1e-15, 1e-18)
        assert close(s.mo, e["ma_e4"] / 1e4 * DEG, 1e-15, 1e-18)
        assert close(s.ecco, e["ecc_e7"] / 1e7, 1e-15)
        assert close(s.no_kozai, e["n_e8"] / 1e8 / XPDOTP, 1e-15)
        assert close(s.ndot, e["ndot_e8"] / 1e8 / (XPDOTP * 1440.0), 1e-15)
        assert close(s.nddot, e["nddot_m"] * 1e-5 * 10.0 ** e["nddot_x"] / (XPDOTP * 1440.0 * 1440.0), 1e-15)
        assert close(s.bstar, e["bstar_m"] * 1e-5 * 10.0 ** e["bstar_x"], 1e-15)
        assert s.elnum == e["elnum"] and int(s.revnum) == e["rev"]
        assert s.intldesg == e["intl"] and s.classification == e["cls"]
    # Re-format from the pure-Python parse (recovering each integer field from the parsed double).
    back = dict(e)
    back.update(
        catalog=py.satnum, yy=py.epochyr % 100, day_e8=int(round(py.epochdays * 1e8)),
        inc_e4=int(round(py.inclo / DEG * 1e4)), raan_e4=int(round(py.nodeo / DEG * 1e4)),
        argp_e4=int(round(py.argpo / DEG * 1e4)), ma_e4=int(round(py.mo / DEG * 1e4)),
        ecc_e7=int(round(py.ecco * 1e7)), n_e8=int(round(py.no_kozai * XPDOTP * 1e8)),
        ndot_e8=int(round(py.ndot * XPDOTP * 1440.0 * 1e8)), elnum=py.elnum, rev=int(py.revnum))
    assert format_tle(back) == (l1, l2), (format_tle(back), l1, l2)


# --------------------------------------------------------------------------------------------------------------

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(SEED)

    sets = [gen_regime(rng, label) for label, count in REGIMES for _ in range(count)]
    rng.shuffle(sets)                                           # catalogue order is not regime order
    numeric = rng.sample(range(1, 100000), len(sets))
    alpha = rng.sample(range(100000, 340000), len(sets))
    for i, e in enumerate(sets):
        e["catalog"] = alpha[i] if rng.random() < ALPHA5_FRACTION else numeric[i]
        e["name"] = "GEN-%04d %s" % (i + 1, e["regime"])
    assert len({e["catalog"] for e in sets}) == len(sets)

    tle_lines, rows = [], []
    errors, deep, per_regime, regime_errors = Counter(), Counter(), Counter(), Counter()
    max_seq_diff = 0.0
    py_diff = {}                                                # regime -> (max |dr| km, max |dv| km/s)
    from sgp4.model import Satrec as PySatrec                  # pure-Python port, for a cross-check

    for e in sets:
        l1, l2 = format_tle(e)
        check_layout(l1, l2)
        verify_round_trip(e, l1, l2)
        tle_lines += [e["name"], l1, l2]
        per_regime[e["regime"]] += 1
        probe = Satrec.twoline2rv(l1, l2, WGS72)
        deep[(e["regime"], probe.method)] += 1
        seq = Satrec.twoline2rv(l1, l2, WGS72)                  # one record, times in order: same answers?
        pys = PySatrec.twoline2rv(l1, l2, WGS72)
        for t in TSINCE_MIN:
            sat = Satrec.twoline2rv(l1, l2, WGS72)              # fresh record per time: state from epoch
            err, r, v = sat.sgp4_tsince(t)
            err2, r2, v2 = seq.sgp4_tsince(t)
            err3, r3, v3 = pys.sgp4_tsince(t)
            assert err2 == err and err3 == err, (e["name"], t, err, err2, err3)
            errors[err] += 1
            regime_errors[(e["regime"], err)] += 1
            if err == 0:
                max_seq_diff = max(max_seq_diff, max(abs(a - b) for a, b in zip(r + v, r2 + v2)))
                dr = math.sqrt(sum((a - b) ** 2 for a, b in zip(r, r3)))
                dv = math.sqrt(sum((a - b) ** 2 for a, b in zip(v, v3)))
                old = py_diff.get(e["regime"], (0.0, 0.0))
                py_diff[e["regime"]] = (max(old[0], dr), max(old[1], dv))
                rows.append("%d,%r,%d,%r,%r,%r,%r,%r,%r" % ((e["catalog"], t, err) + tuple(r) + tuple(v)))
            else:
                rows.append("%d,%r,%d,,,,,," % (e["catalog"], t, err))

    with open(os.path.join(here, "tles.txt"), "w", newline="\n") as f:
        f.write("\n".join(tle_lines) + "\n")
    with open(os.path.join(here, "states.csv"), "w", newline="\n") as f:
        f.write("norad,tsince_min,error,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s\n")
        f.write("\n".join(rows) + "\n")

    def sha(name):
        with open(os.path.join(here, name), "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    print("python %s, sgp4 %s, accelerated %s, seed %d" % (sys.version.split()[0], sgp4.__version__,
                                                           accelerated, SEED))
    print("TLE sets: %d (alpha-5: %d)" % (len(sets), sum(e["catalog"] >= 100000 for e in sets)))
    print("  %-12s %4s  %4s %4s  %-22s %s" % ("regime", "sets", "SGP4", "SDP4", "error rows (code:n)",
                                                "max |C++ - pure Python| dr km, dv km/s"))
    for label, _ in REGIMES:
        errs = " ".join("%d:%d" % (c, regime_errors[(label, c)]) for c in sorted(errors)
                        if c and regime_errors[(label, c)])
        print("  %-12s %4d  %4d %4d  %-22s %.1e, %.1e" % (label, per_regime[label], deep[(label, "n")],
                                                          deep[(label, "d")], errs or "-", *py_diff[label]))
    print("rows: %d" % len(rows))
    for code in sorted(errors):
        print("  error %d: %6d  %s" % (code, errors[code], SGP4_ERRORS.get(code, "ok") if code else "ok"))
    print("max |fresh - sequential| state difference: %.3g" % max_seq_diff)
    for name in ("tles.txt", "states.csv"):
        print("sha256 %s  %s" % (sha(name), name))


if __name__ == "__main__":
    main()
