#!/usr/bin/env python3
"""Work-precision peers of Orbit's numerical integrators: heyoka (Taylor), scipy DOP853, Orekit DP853.

    bash Benchmarks/peers/setup-integrators.sh
    Benchmarks/peers/.venv-integrators/bin/python Benchmarks/peers/integrator_peers.py --json peers.json

Problem (issue 4, the same as orbit-bench's `*/ISS-J2-1day/*` cases): point mass + J2 with WGS-84
mu = 3.986004418e14 m^3/s^2, R = 6378137 m, J2 = sqrt(5) * 0.484166774985e-3, in an inertial frame whose z axis
is the pole; the ISS-like initial state of Tests/ReferenceData/heyoka/iss_j2_1day.csv (row t = 0), propagated
1 day (86,400 s). The error of each run is the distance of its final position from that file's t = 86,400 s row
(heyoka at tolerance 1e-15, itself within 0.7 um of an extended-precision run).

Each library sweeps its tolerance; each point is the median (and min) wall time of --reps runs after warm-up
runs, in one pinned process (sched_setaffinity to one CPU before anything is imported, thread-count variables
set to 1), so all figures are single-thread and come from the same run:
  heyoka   taylor_adaptive built once per tolerance (JIT compilation not timed); a run resets time and state
           and calls propagate_until(86400).
  scipy    solve_ivp(method="DOP853", rtol, atol) with a numpy right-hand side (Python per evaluation: this
           measures scipy as people call it, dominated by interpreter overhead, not DOP853's arithmetic).
  orekit   NumericalPropagator + DormandPrince853Integrator (Hairer's DOP853 in Hipparchus), Cartesian orbit
           type, NewtonianAttraction + J2OnlyPerturbation with GCRF as the body frame (no orekit-data needed:
           GCRF and the J2000 epoch are built in); a run builds the propagator and calls propagate(t0 + 1 day).
           The JVM is warmed up (JIT) by --orekit-warmup runs first.
Batch (--batch): 1,024 ISS-like orbits (the generator below, the same as orbit-bench's Batch/* cases) for one
revolution of the reference orbit, with heyoka's taylor_adaptive_batch at its recommended SIMD width; the error
is the largest final-position difference from scalar heyoka at tolerance 1e-15 for the same orbits.

Writes a table to stdout and, with --json, the points for `orbit-bench --work-precision-svg`.
"""

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "Tests", "ReferenceData", "heyoka", "iss_j2_1day.csv")
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")

MU = 3.986004418e14
R_EQ = 6378137.0
J2 = 0.484166774985e-3 * math.sqrt(5.0)
DAY = 86400.0


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reps", type=int, default=7, help="timed runs per point (default 7)")
    p.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last one allowed)")
    p.add_argument("--json", metavar="FILE", help="write the points as JSON to FILE")
    p.add_argument("--no-orekit", action="store_true", help="skip Orekit")
    p.add_argument("--no-scipy", action="store_true", help="skip scipy")
    p.add_argument("--orekit-warmup", type=int, default=30, help="untimed Orekit runs before timing (JIT)")
    p.add_argument("--batch", action="store_true", help="also run heyoka's batch mode on 1,024 orbits")
    return p.parse_args()


def pin(cpu):
    for v in THREAD_VARS:
        os.environ[v] = "1"
    allowed = sorted(os.sched_getaffinity(0))
    cpu = allowed[-1] if cpu is None else cpu
    os.sched_setaffinity(0, {cpu})
    return cpu


def reference():
    rows = [l for l in open(REFERENCE) if l[0].isdigit()]
    first = [float(x) for x in rows[0].split(",")]
    last = [float(x) for x in rows[-1].split(",")]
    assert first[0] == 0.0 and last[0] == DAY
    return first[1:], last[1:4]


def error(pos, ref):
    return math.sqrt(sum((a - b) ** 2 for a, b in zip(pos, ref)))


def timed(run, reps):
    times = []
    result = None
    for _ in range(reps):
        t0 = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def heyoka_system(hy):
    x, y, z, vx, vy, vz = hy.make_vars("x", "y", "z", "vx", "vy", "vz")
    r2 = x * x + y * y + z * z
    r = hy.sqrt(r2)
    k = 1.5 * J2 * R_EQ * R_EQ / r2
    zz = z * z / r2
    mu_r3 = MU / (r2 * r)
    fxy = -mu_r3 * (1.0 + k * (1.0 - 5.0 * zz))
    fz = -mu_r3 * (1.0 + k * (3.0 - 5.0 * zz))
    return [(x, vx), (y, vy), (z, vz), (vx, fxy * x), (vy, fxy * y), (vz, fz * z)]


def run_heyoka(state0, ref, reps):
    import heyoka as hy
    import numpy as np
    sys_ = heyoka_system(hy)
    points = []
    # tol 1e-15 is the reference itself (error 0): not a point.
    for tol in [1e-6, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14]:
        ta = hy.taylor_adaptive(sys_, np.array(state0), tol=tol)
        s0 = np.array(state0)

        def run():
            ta.time = 0.0
            ta.state[:] = s0
            out = ta.propagate_until(DAY)
            return out

        run()
        run()
        med, best, out = timed(run, reps)
        steps = int(out[3]) if len(out) > 3 else None
        points.append(dict(setting=f"tol {tol:.0e}", error_m=error(ta.state[:3], ref), time_s=med,
                           min_time_s=best, steps=steps, order=ta.order))
    return dict(name="heyoka", label=f"heyoka {hy.__version__} (Taylor)", points=points)


def run_scipy(state0, ref, reps):
    import numpy as np
    import scipy
    from scipy.integrate import solve_ivp

    def f(t, y):
        x, y_, z = y[0], y[1], y[2]
        r2 = x * x + y_ * y_ + z * z
        r = math.sqrt(r2)
        k = 1.5 * J2 * R_EQ * R_EQ / r2
        zz = z * z / r2
        mu_r3 = MU / (r2 * r)
        fxy = -mu_r3 * (1.0 + k * (1.0 - 5.0 * zz))
        fz = -mu_r3 * (1.0 + k * (3.0 - 5.0 * zz))
        return np.array([y[3], y[4], y[5], fxy * x, fxy * y_, fz * z])

    points = []
    y0 = np.array(state0)
    for rtol in [1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13]:
        def run():
            return solve_ivp(f, (0.0, DAY), y0, method="DOP853", rtol=rtol, atol=rtol, t_eval=None)

        run()
        med, best, sol = timed(run, max(3, reps // 2))
        points.append(dict(setting=f"rtol {rtol:.0e}", error_m=error(sol.y[:3, -1], ref), time_s=med,
                           min_time_s=best, steps=int(sol.t.size - 1), evaluations=int(sol.nfev)))
    return dict(name="scipy", label=f"scipy {scipy.__version__} DOP853 (Python RHS)", points=points)


def run_orekit(state0, ref, reps, warmup):
    import orekit_jpype
    orekit_jpype.initVM()
    from org.orekit.frames import FramesFactory
    from org.orekit.time import AbsoluteDate
    from org.orekit.utils import PVCoordinates
    from org.orekit.orbits import CartesianOrbit, OrbitType
    from org.orekit.propagation import SpacecraftState
    from org.orekit.propagation.numerical import NumericalPropagator
    from org.orekit.forces.gravity import J2OnlyPerturbation, NewtonianAttraction
    from org.hipparchus.ode.nonstiff import DormandPrince853Integrator
    from org.hipparchus.geometry.euclidean.threed import Vector3D

    gcrf = FramesFactory.getGCRF()
    date = AbsoluteDate.J2000_EPOCH
    end = date.shiftedBy(DAY)
    pv = PVCoordinates(Vector3D(*state0[:3]), Vector3D(*state0[3:]))
    orbit = CartesianOrbit(pv, gcrf, date, MU)
    j2 = J2OnlyPerturbation(MU, R_EQ, J2, gcrf)
    points = []
    for rtol in [1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14]:
        counter = {"steps": 0}

        def run():
            integrator = DormandPrince853Integrator(1e-6, DAY, rtol, rtol)
            prop = NumericalPropagator(integrator)
            prop.setOrbitType(OrbitType.CARTESIAN)
            prop.setMu(MU)
            prop.addForceModel(j2)
            prop.setInitialState(SpacecraftState(orbit))
            final = prop.propagate(end)
            return final, integrator

        for _ in range(warmup if not points else max(3, warmup // 5)):
            run()
        med, best, (final, integrator) = timed(run, reps)
        p = final.getPosition(gcrf)
        points.append(dict(setting=f"rtol {rtol:.0e}", error_m=error((p.getX(), p.getY(), p.getZ()), ref),
                           time_s=med, min_time_s=best, evaluations=int(integrator.getEvaluations())))
    import orekit_jpype as oj
    version = getattr(oj, "__version__", "13.1.9.0")
    return dict(name="orekit", label=f"Orekit {version} DP853 (via JPype)", points=points)


def batch_orbits(n=1024):
    """ISS-like orbits, the same generator as orbit-bench's Batch/* cases (BatchBenchmarks in Swift)."""
    out = []
    for k in range(n):
        a = 6796.0e3 + 1.0e3 * ((k % 41) - 20)
        e = 0.0002 + 0.0001 * (k % 7)
        inc = math.radians(51.64 + 0.01 * (k % 13))
        raan = 2 * math.pi * k / n
        argp = math.radians(45.0 + 3.0 * (k % 17))
        nu = math.radians((37.0 * k) % 360.0)
        out.append(elements_to_state(a, e, inc, raan, argp, nu))
    return out


def elements_to_state(a, e, i, raan, argp, nu):
    p = a * (1 - e * e)
    r = p / (1 + e * math.cos(nu))
    rp = (r * math.cos(nu), r * math.sin(nu))
    s = math.sqrt(MU / p)
    vp = (-s * math.sin(nu), s * (e + math.cos(nu)))
    co, so, cw, sw, ci, si = math.cos(raan), math.sin(raan), math.cos(argp), math.sin(argp), math.cos(i), math.sin(i)
    m = ((co * cw - so * sw * ci, -co * sw - so * cw * ci), (so * cw + co * sw * ci, -so * sw + co * cw * ci),
         (sw * si, cw * si))
    pos = [m[j][0] * rp[0] + m[j][1] * rp[1] for j in range(3)]
    vel = [m[j][0] * vp[0] + m[j][1] * vp[1] for j in range(3)]
    return pos + vel


def run_heyoka_batch(reps):
    import heyoka as hy
    import numpy as np
    n = 1024
    period = 2 * math.pi * math.sqrt(6796.0e3 ** 3 / MU)
    states = np.array(batch_orbits(n))  # (n, 6)
    sys_ = heyoka_system(hy)
    # Reference: scalar heyoka at 1e-15 per orbit (not timed).
    ta_ref = hy.taylor_adaptive(sys_, states[0], tol=1e-15)
    ref = np.empty((n, 3))
    for k in range(n):
        ta_ref.time = 0.0
        ta_ref.state[:] = states[k]
        ta_ref.propagate_until(period)
        ref[k] = ta_ref.state[:3]
    bs = hy.recommended_simd_size()
    points = []
    for tol in [1e-10, 1e-11, 1e-12, 1e-13, 1e-15]:
        ta = hy.taylor_adaptive_batch(sys_, np.ascontiguousarray(states[:bs].T), tol=tol)
        chunks = [np.ascontiguousarray(states[i:i + bs].T) for i in range(0, n, bs)]
        final = np.empty((n, 3))

        def run():
            for c, chunk in enumerate(chunks):
                ta.set_time(0.0)
                ta.state[:] = chunk
                ta.propagate_until(period)
                final[c * bs:(c + 1) * bs] = ta.state[:3].T
            return final

        run()
        med, best, fin = timed(run, reps)
        err = float(np.max(np.linalg.norm(fin - ref, axis=1)))
        points.append(dict(setting=f"tol {tol:.0e}", error_m=err, time_s=med, min_time_s=best, batch_size=bs))
    return dict(name="heyoka-batch", label=f"heyoka {hy.__version__} batch (SIMD {bs}), 1,024 orbits x 1 rev",
                points=points, period_s=period)


def main():
    a = parse_args()
    cpu = pin(a.cpu)
    state0, ref = reference()
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print(f"integrator peers: pinned to CPU {cpu}; load average {' '.join(load)}; {platform.platform()}")
    results = []
    results.append(run_heyoka(state0, ref, a.reps))
    if not a.no_scipy:
        results.append(run_scipy(state0, ref, a.reps))
    if not a.no_orekit:
        try:
            results.append(run_orekit(state0, ref, a.reps, a.orekit_warmup))
        except Exception as exc:  # optional peer: say why it is missing
            print(f"orekit: skipped ({type(exc).__name__}: {exc})")
    batch = run_heyoka_batch(a.reps) if a.batch else None
    for r in results + ([batch] if batch else []):
        print(f"\n{r['label']}")
        print(f"  {'setting':<12} {'error (m)':>12} {'median':>12} {'min':>12}  steps/evals")
        for p in r["points"]:
            extra = p.get("steps") or p.get("evaluations") or ""
            print(f"  {p['setting']:<12} {p['error_m']:12.3e} {p['time_s'] * 1e3:9.4f} ms {p['min_time_s'] * 1e3:9.4f} ms  {extra}")
    if a.json:
        doc = dict(problem="ISS point mass + J2, 1 day", cpu=cpu, load_average=load, platform=platform.platform(),
                   python=platform.python_version(), series=results, batch=batch)
        with open(a.json + ".tmp", "w") as f:
            json.dump(doc, f, indent=1)
        os.replace(a.json + ".tmp", a.json)
        print(f"\nwrote {a.json}")


if __name__ == "__main__":
    main()
