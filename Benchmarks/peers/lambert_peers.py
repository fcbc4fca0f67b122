#!/usr/bin/env python3
"""Single-thread Lambert throughput of lamberthub's Izzo solver (numba) on orbit-bench's Lambert problems.

    bash Benchmarks/peers/setup-lambert.sh && Benchmarks/peers/.venv-lambert/bin/python Benchmarks/peers/lambert_peers.py

Workloads: the same 1,000 LEO problems as orbit-bench's `Lambert/Izzo/single-rev` and `Lambert/Izzo/multi-rev`
(Benchmarks/OrbitBench/Suites/LambertBenchmarks.swift, `lambertBenchmarkCase`; keep the two definitions in step):
radii 6,600-8,000 km, transfer angle 7.2-352.8 deg in a plane inclined 51.6 deg, mu = WGS-84;
single-rev: M = 0, time of flight 0.1-0.9 periods of the mean radius;
multi-rev: M = 1 + k mod 5, (M + 1 ... M + 1.5) periods, one branch per problem (low_path = True for even k).

How lamberthub is called: `lamberthub.izzo2015(mu, r1, r2, tof, M, prograde=True, low_path, maxiter=35,
atol=1e-5, rtol=1e-7)` (its defaults), in two ways:
  njit-loop    from a numba-compiled loop over the 1,000 problems (no Python call overhead: the solver's own speed);
  python-loop  from a plain Python loop (what a Python user calling it per problem gets).
Each figure is the median (and min) of --reps timed repetitions after an untimed warm-up (which also compiles).
Sanity check: every solution conserves angular momentum and energy between r1 and r2 (a conic through both
points); this does not check the time of flight, which orbit-bench's check does for Orbit.

Single thread: pinned to one CPU before numba is imported; NUMBA_NUM_THREADS=1.
"""

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

MU = 3.986004418e14  # WGS-84 (m^3/s^2), as CentralBody.wgs84
A1, A2, A3 = 0.8191725133961645, 0.6710436067037893, 0.5497004779019703  # R3 additive recurrence
N = 1000


def frac(x):
    return x - math.floor(x)


def case(k, multi):
    """Mirror of lambertBenchmarkCase(k, multiRevolution:, mu:) in LambertBenchmarks.swift."""
    r1n = 6600e3 + 1400e3 * frac(0.5 + k * A1)
    r2n = 6600e3 + 1400e3 * frac(0.5 + k * A2)
    theta = 2 * math.pi * (0.02 + 0.96 * frac(0.1 + k * A3))
    inc = 51.6 * math.pi / 180
    r1 = (r1n, 0.0, 0.0)
    r2 = (r2n * math.cos(theta), r2n * math.sin(theta) * math.cos(inc), r2n * math.sin(theta) * math.sin(inc))
    a = 0.5 * (r1n + r2n)
    period = 2 * math.pi * math.sqrt(a * a * a / MU)
    u = frac(0.25 + k * A1 + k * A3)
    if multi:
        m = 1 + k % 5
        return r1, r2, (m + 1 + 0.5 * u) * period, m, k % 2 == 0
    return r1, r2, (0.1 + 0.8 * u) * period, 0, True


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reps", type=int, default=7, help="timed repetitions per case (default 7)")
    p.add_argument("--loops", type=int, default=200, help="passes over the 1,000 problems per njit repetition")
    p.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last one allowed)")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    return p.parse_args()


def main():
    args = parse_args()
    if hasattr(os, "sched_setaffinity"):
        allowed = sorted(os.sched_getaffinity(0))
        cpu = args.cpu if args.cpu is not None else allowed[-1]
        os.sched_setaffinity(0, {cpu})
    os.environ["NUMBA_NUM_THREADS"] = "1"
    import numpy as np
    import numba
    import lamberthub
    from lamberthub import izzo2015

    @numba.njit(cache=False)
    def solve_all(r1s, r2s, tofs, ms, lows, v1s, v2s, loops):
        for _ in range(loops):
            for i in range(r1s.shape[0]):
                v1, v2 = izzo2015(MU, r1s[i], r2s[i], tofs[i], ms[i], True, lows[i], 35, 1e-5, 1e-7)
                v1s[i] = v1
                v2s[i] = v2

    results = []
    print("lambert_peers: lamberthub %s, numba %s, numpy %s, Python %s" % (
        lamberthub.__version__, numba.__version__, np.__version__, platform.python_version()))
    print("  cpu: %s, pinned to CPU %s" % (cpu_model(), sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"))
    print("  date: %s" % time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    for name, multi in (("single-rev", False), ("multi-rev", True)):
        cs = [case(k, multi) for k in range(N)]
        r1s = np.array([c[0] for c in cs])
        r2s = np.array([c[1] for c in cs])
        tofs = np.array([c[2] for c in cs])
        ms = np.array([c[3] for c in cs], dtype=np.int64)
        lows = np.array([c[4] for c in cs])
        v1s = np.zeros((N, 3))
        v2s = np.zeros((N, 3))
        solve_all(r1s, r2s, tofs, ms, lows, v1s, v2s, 1)  # compile + warm up
        check(r1s, r2s, v1s, v2s, name)
        times = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            solve_all(r1s, r2s, tofs, ms, lows, v1s, v2s, args.loops)
            times.append(time.perf_counter() - t0)
        solves = N * args.loops
        med = statistics.median(times)
        report(results, "lamberthub-izzo/njit-loop/" + name, solves, med, min(times))
        # Python loop over the dispatcher.
        times = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            for i in range(N):
                izzo2015(MU, r1s[i], r2s[i], tofs[i], int(ms[i]), True, bool(lows[i]), 35, 1e-5, 1e-7)
            times.append(time.perf_counter() - t0)
        report(results, "lamberthub-izzo/python-loop/" + name, N, statistics.median(times), min(times))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


def check(r1s, r2s, v1s, v2s, name):
    import numpy as np
    worst = 0.0
    for i in range(r1s.shape[0]):
        h1 = np.cross(r1s[i], v1s[i])
        h2 = np.cross(r2s[i], v2s[i])
        e1 = 0.5 * v1s[i] @ v1s[i] - MU / np.linalg.norm(r1s[i])
        e2 = 0.5 * v2s[i] @ v2s[i] - MU / np.linalg.norm(r2s[i])
        worst = max(worst, np.linalg.norm(h1 - h2) / np.linalg.norm(h1), abs(e1 - e2) / abs(e1))
    status = "ok" if worst < 1e-9 else "FAILED"
    print("  check %s: angular momentum and energy agree at both ends to %.1e (%s)" % (name, worst, status))
    if status != "ok":
        sys.exit(1)


def report(results, name, solves, med, best):
    print("  %-40s median %9.3f ms  min %9.3f ms  %8.1f ns/solve  %10.3f k solves/s" % (
        name, med * 1e3, best * 1e3, med / solves * 1e9, solves / med / 1e3))
    results.append({"name": name, "solves": solves, "median_s": med, "min_s": best,
                    "solves_per_second": solves / med})


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    main()
