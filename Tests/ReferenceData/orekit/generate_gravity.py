#!/usr/bin/env python3
"""Reference accelerations of the EGM96 field from Orekit's Holmes-Featherstone model.

Writes egm96_gravity_accelerations.csv: for degree/order 2x2, 20x20, 70x70 and 360x360, at the
same 120 Earth-fixed points (altitudes 200 km ... 36 000 km, log-uniform, random directions
plus near-polar and equatorial cases), the gradient of the NON-CENTRAL part of the potential
(m/s^2, body-fixed axes) as returned by Orekit's HolmesFeatherstoneAttractionModel.gradient,
and GM used.

The coefficients are those of Tests/ReferenceData/gravity/EGM96.cof (GMAT format), rewritten
into the EGM format Orekit's EGMFormatReader reads ("n m C S sigmaC sigmaS" per line), so
Orekit's own parser and its Holmes-Featherstone recursion produce the values.

Usage (from the repository root):
  python3 -m venv venv && venv/bin/pip install orekit-jpype==13.1.9.0 numpy
  venv/bin/python Tests/ReferenceData/orekit/generate_gravity.py
"""
import math
import os
import random
import sys
import tempfile

COF = "Tests/ReferenceData/gravity/EGM96.cof"
OUT = "Tests/ReferenceData/orekit/egm96_gravity_accelerations.csv"
DEGREES = [2, 20, 70, 360]


def write_egm_format(path):
    with open(COF, "rb") as f:
        lines = f.read().decode("ascii").split("\r\n")
    with open(path, "w") as out:
        for line in lines:
            if line.startswith("RECOEF"):
                n, m = int(line[8:11]), int(line[11:14])
                c = line[17:38].strip()
                s = line[38:59].strip() if m > 0 else "0.0"
                out.write(f"{n:4d}{m:4d} {c} {s} 0.0 0.0\n")


def points():
    rng = random.Random(20261121)
    re = 6378136.3
    pts = []
    for i in range(112):
        alt = math.exp(rng.uniform(math.log(200e3), math.log(36000e3)))
        z = rng.uniform(-1, 1)
        lon = rng.uniform(-math.pi, math.pi)
        rho = math.sqrt(1 - z * z)
        r = re + alt
        pts.append((r * rho * math.cos(lon), r * rho * math.sin(lon), r * z))
    # Near-polar, equatorial and low/high special cases.
    for alt, colat, lon in [(200e3, 1e-6, 0.3), (400e3, 1e-3, -2.0), (700e3, math.pi - 2e-4, 1.0),
                            (200e3, math.pi / 2, 0.0), (36000e3, math.pi / 2, 2.5),
                            (400e3, 0.5, math.pi), (36000e3, 1e-3, -1.0), (1000e3, 2.9, 0.1)]:
        r = re + alt
        pts.append((r * math.sin(colat) * math.cos(lon), r * math.sin(colat) * math.sin(lon), r * math.cos(colat)))
    return pts


def main():
    import orekit_jpype
    orekit_jpype.initVM()
    from java.io import File
    from org.orekit.data import DataContext, DirectoryCrawler
    from org.orekit.forces.gravity.potential import GravityFieldFactory, EGMFormatReader
    from org.orekit.forces.gravity import HolmesFeatherstoneAttractionModel
    from org.orekit.frames import FramesFactory
    from org.orekit.time import AbsoluteDate
    from org.hipparchus.geometry.euclidean.threed import Vector3D
    import jpype

    tmp = tempfile.mkdtemp()
    write_egm_format(os.path.join(tmp, "egm96_to360.ascii"))
    manager = DataContext.getDefault().getDataProvidersManager()
    manager.addProvider(DirectoryCrawler(File(tmp)))
    GravityFieldFactory.clearPotentialCoefficientsReaders()
    GravityFieldFactory.addPotentialCoefficientsReader(EGMFormatReader("egm96_to360.ascii", False))

    pts = points()
    date = AbsoluteDate.J2000_EPOCH
    frame = FramesFactory.getGCRF()  # used only as the body frame label; positions are body-fixed
    rows = []
    for deg in DEGREES:
        provider = GravityFieldFactory.getNormalizedProvider(deg, deg)
        mu = provider.getMu()
        ae = provider.getAe()
        model = HolmesFeatherstoneAttractionModel(frame, provider)
        for i, (x, y, z) in enumerate(pts):
            g = model.gradient(date, Vector3D(x, y, z), mu)
            rows.append((deg, deg, i, x, y, z, g[0], g[1], g[2], mu, ae))
    with open(OUT, "w", newline="\n") as f:
        f.write("degree,order,point,x_m,y_m,z_m,ax_noncentral_m_s2,ay_noncentral_m_s2,az_noncentral_m_s2,gm_m3_s2,radius_m\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]},{r[2]}," + ",".join(f"{v:.17e}" for v in r[3:]) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    sys.exit(main())
