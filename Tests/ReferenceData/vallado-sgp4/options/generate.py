"""Generate options.csv: python-sgp4 states for the Vallado verification TLEs under the
non-default settings (WGS-84 and/or AFSPC operation mode 'a'), which tcppver.out does not cover.

Run once, by hand, in a venv with sgp4==2.27 (the Vallado C++ code):
    python3 -m venv venv && venv/bin/pip install sgp4==2.27
    venv/bin/python generate.py > options.csv
Tests never need Python.
"""
import sgp4
from sgp4.api import Satrec, WGS72, WGS84

assert sgp4.__version__ == "2.27", sgp4.__version__

GRAVITY = {"wgs72": WGS72, "wgs84": WGS84}
SETTINGS = [("wgs84", "i"), ("wgs72", "a"), ("wgs84", "a")]
POINTS_PER_CASE = 13  # t = 0 and the first 12 times of each case's schedule

text = open("../SGP4-VER.TLE", newline="").read()
lines = [l for l in text.split("\r\n") if l.startswith("1 ") or l.startswith("2 ")]
print(f"# python-sgp4 {sgp4.__version__}: case (1-based, file order), catalogue number, gravity, "
      "opsmode, minutes since epoch, error code, TEME r (km) and v (km/s) with repr() precision")
print("case,norad,gravity,opsmode,minutes,error,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s")
for case in range(len(lines) // 2):
    l1, l2 = lines[2 * case], lines[2 * case + 1]
    start, stop, step = (float(x) for x in l2[69:].split())
    times = [0.0]
    t = start
    if abs(t) > 1e-8:
        t -= step
    while t < stop and len(times) < POINTS_PER_CASE:
        t += step
        if t > stop:
            t = stop
        times.append(t)
    for gravity, opsmode in SETTINGS:
        sat = Satrec.twoline2rv(l1[:69], l2[:69], GRAVITY[gravity])
        sat.sgp4init(GRAVITY[gravity], opsmode, sat.satnum, sat.jdsatepoch + sat.jdsatepochF - 2433281.5,
                     sat.bstar, sat.ndot, sat.nddot, sat.ecco, sat.argpo, sat.inclo, sat.mo,
                     sat.no_kozai, sat.nodeo)
        for t in times:
            e, r, v = sat.sgp4_tsince(t)
            values = ",".join(repr(x) for x in (*r, *v)) if e == 0 else ",,,,,"
            print(f"{case + 1},{sat.satnum},{gravity},{opsmode},{t!r},{e},{values}")
            if e != 0:
                break
