#!/usr/bin/env python3
"""Reference trajectory for Orbit's numerical propagator tests: point mass + J2, ISS-like orbit,
1 day, integrated by heyoka's Taylor method at tolerance 1e-15 (double precision), with a
second run in extended precision (np.longdouble, tolerance 1e-18) to bound the reference error.

Usage: python3 generate_iss_j2.py > iss_j2_1day.csv
Needs: heyoka (Python), numpy.
"""
import math
import sys

import heyoka as hy
import numpy as np

MU = 3.986004418e14            # m^3/s^2, WGS-84 (NIMA TR8350.2 table 3.1)
R_EQ = 6378137.0               # m, WGS-84
J2 = 0.484166774985e-3 * math.sqrt(5.0)  # -sqrt(5)*C20, C20 = -0.484166774985e-3 (WGS-84 table 3.3)

# Initial osculating elements (ISS-like): a, e, i, RAAN, argument of perigee, true anomaly.
A = 6796.0e3
E = 0.0005
INC = math.radians(51.64)
RAAN = math.radians(30.0)
ARGP = math.radians(45.0)
NU = math.radians(10.0)


def elements_to_state(a, e, i, raan, argp, nu, mu):
    p = a * (1 - e * e)
    r = p / (1 + e * math.cos(nu))
    rp = np.array([r * math.cos(nu), r * math.sin(nu), 0.0])
    vp = np.array([-math.sqrt(mu / p) * math.sin(nu), math.sqrt(mu / p) * (e + math.cos(nu)), 0.0])
    co, so = math.cos(raan), math.sin(raan)
    cw, sw = math.cos(argp), math.sin(argp)
    ci, si = math.cos(i), math.sin(i)
    rot = np.array([
        [co * cw - so * sw * ci, -co * sw - so * cw * ci, so * si],
        [so * cw + co * sw * ci, -so * sw + co * cw * ci, -co * si],
        [sw * si, cw * si, ci]])
    return rot @ rp, rot @ vp


def integrate(fp_type, tol, state0, times):
    x, y, z, vx, vy, vz = hy.make_vars("x", "y", "z", "vx", "vy", "vz")
    r2 = x * x + y * y + z * z
    r = hy.sqrt(r2)
    mu = fp_type(MU)
    k = fp_type(1.5) * fp_type(J2) * fp_type(R_EQ) * fp_type(R_EQ) / r2
    zz = z * z / r2
    mu_r3 = mu / (r2 * r)
    fxy = -mu_r3 * (fp_type(1) + k * (fp_type(1) - fp_type(5) * zz))
    fz = -mu_r3 * (fp_type(1) + k * (fp_type(3) - fp_type(5) * zz))
    sys_ = [(x, vx), (y, vy), (z, vz), (vx, fxy * x), (vy, fxy * y), (vz, fz * z)]
    ta = hy.taylor_adaptive(sys_, np.array(state0, dtype=fp_type), tol=fp_type(tol), fp_type=fp_type)
    out = ta.propagate_grid(np.array(times, dtype=fp_type))
    return out[5]


def main():
    r0, v0 = elements_to_state(A, E, INC, RAAN, ARGP, NU, MU)
    state0 = [float(c) for c in list(r0) + list(v0)]
    times = [3600.0 * k for k in range(25)]
    ref = integrate(np.float64, 1e-15, state0, times)
    ext = integrate(np.longdouble, 1e-18, [np.longdouble(c) for c in state0], times)
    diff = max(float(np.linalg.norm((ref[k, :3] - ext[k, :3]).astype(np.longdouble))) for k in range(len(times)))
    w = sys.stdout.write
    w(f"# heyoka {hy.__version__}, numpy {np.__version__}; tol 1e-15 (double)\n")
    w(f"# mu_m3_s2={MU!r} r_eq_m={R_EQ!r} j2={J2!r}\n")
    w(f"# max position difference from the long-double run (tol 1e-18): {diff:.3e} m\n")
    w("t_s,x_m,y_m,z_m,vx_m_s,vy_m_s,vz_m_s\n")
    for k, t in enumerate(times):
        row = [t] + [float(c) for c in ref[k]]
        w(",".join(repr(v) for v in row) + "\n")


if __name__ == "__main__":
    main()
