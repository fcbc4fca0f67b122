#!/usr/bin/env python3
"""Reference Harris-Priester densities (with the diurnal bulge) from Orekit's HarrisPriester.

Writes harris_priester_densities.csv: for exponents n = 2, 3 and 6, at 150 positions (altitude
100.5 km ... 1050 km above the WGS-84 ellipsoid -- Orekit rejects < 100 km -- random directions)
and 5 Sun positions, the density (kg/m^3) from org.orekit.models.earth.atmosphere.HarrisPriester (its built-in mean-solar-activity
table, Montenbruck & Gill Table 3.8). The Sun is a fixed position (a small Python implementation
of Orekit's ExtendedPositionProvider) and the ellipsoid's body frame is GCRF, so no Earth rotation
or ephemeris data is involved: the density depends only on the position, the Sun vector and n.

Usage (repository root, venv with orekit-jpype==13.1.9.0):
  python Tests/ReferenceData/orekit/generate_harris_priester.py
"""
import math
import random

OUT = "Tests/ReferenceData/orekit/harris_priester_densities.csv"


def main():
    import orekit_jpype
    orekit_jpype.initVM()
    from jpype import JImplements, JOverride
    from org.orekit.models.earth.atmosphere import HarrisPriester
    from org.orekit.bodies import OneAxisEllipsoid, GeodeticPoint
    from org.orekit.frames import FramesFactory
    from org.orekit.time import AbsoluteDate
    from org.orekit.utils import TimeStampedPVCoordinates
    from org.hipparchus.geometry.euclidean.threed import Vector3D

    gcrf = FramesFactory.getGCRF()
    state = {"sun": Vector3D.PLUS_I}

    @JImplements("org.orekit.utils.ExtendedPositionProvider")
    class FixedSun:
        @JOverride
        def getPosition(self, date, frame):
            return state["sun"]

        @JOverride
        def getPVCoordinates(self, date, frame):
            return TimeStampedPVCoordinates(date, state["sun"], Vector3D.ZERO)

    earth = OneAxisEllipsoid(6378137.0, 1.0 / 298.257223563, gcrf)  # WGS-84
    date = AbsoluteDate.J2000_EPOCH
    rng = random.Random(20261121)
    au = 149597870700.0
    suns = []
    for dec in [0.0, 23.44, -23.44, 10.0, -5.0]:
        ra = rng.uniform(0, 360)
        d, a = math.radians(dec), math.radians(ra)
        suns.append((au * math.cos(d) * math.cos(a), au * math.cos(d) * math.sin(a), au * math.sin(d)))
    points = []
    for i in range(150):
        alt = rng.uniform(100.5e3, 1050e3)
        lat = math.asin(rng.uniform(-1, 1))
        lon = rng.uniform(-math.pi, math.pi)
        p = earth.transform(GeodeticPoint(lat, lon, alt))
        points.append((p.getX(), p.getY(), p.getZ()))
    rows = []
    for n in [2.0, 3.0, 6.0]:
        hp = HarrisPriester(FixedSun(), earth, n)
        for k, s in enumerate(suns):
            state["sun"] = Vector3D(*s)
            for j, (x, y, z) in enumerate(points):
                rho = hp.getDensity(date, Vector3D(x, y, z), gcrf)
                rows.append((n, k, j, *s, x, y, z, rho))
    with open(OUT, "w", newline="\n") as f:
        f.write("n,sun,point,sun_x_m,sun_y_m,sun_z_m,x_m,y_m,z_m,density_kg_m3\n")
        for r in rows:
            f.write(f"{r[0]:g},{r[1]},{r[2]}," + ",".join(f"{v:.17e}" for v in r[3:]) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
