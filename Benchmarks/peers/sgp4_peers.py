#!/usr/bin/env python3
"""Single-thread SGP4 throughput of the peers Orbit is measured against: python-sgp4 and astroz.

    bash Benchmarks/peers/setup.sh && Benchmarks/peers/.venv/bin/python Benchmarks/peers/sgp4_peers.py

Workloads (the same TLEs and time grids for every library, in one run):
  iss        the ISS TLE below, 10**6 times: tsince_k = k * 0.01 min, k = 0 .. 999,999 (0 .. 9,999.99 min).
  catalog    the first 1,000 TLEs of Tests/ReferenceData/python-sgp4/tles.txt (a mix of near-earth SGP4 and
             deep-space SDP4 sets, including a few that fail), 1,000 times each: tsince_j = j min, j = 0 .. 999,
             relative to each TLE's own epoch (the epochs span 1998..2026, so a common absolute grid would mean
             years of propagation for some sets).
  catalog-ne the near-earth (SGP4) sets among those 1,000, same grid: the case SIMD batching is built for.

Every run counts n_sats * n_times propagations (position and velocity, WGS-72, TEME), failed ones included.
Each figure is the median (and min) of --reps timed repetitions after one untimed warm-up.

Single thread: the process is pinned to one CPU with sched_setaffinity before any library is imported (so a
thread pool sized from the CPU count sees one CPU, and any extra threads share that CPU), and OMP_NUM_THREADS,
OPENBLAS_NUM_THREADS, MKL_NUM_THREADS and NUMEXPR_NUM_THREADS are set to 1. python-sgp4 is single-threaded anyway.

How each library is called:
  python-sgp4  iss: SatrecArray([sat]).sgp4(jd, fr) over the 10**6-element jd/fr arrays (C++ loop).
               catalog: sat.sgp4_array(jd_i, fr_i) per satellite (the same C++ loop; SatrecArray.sgp4 takes one
               absolute time grid for all satellites, which per-epoch grids cannot use).
  astroz       iss: Satrec.sgp4_array_into(jd, fr, r, v) into preallocated arrays, its fastest one-satellite
               path here (astroz.api.SatrecArray([sat]).sgp4 runs its 8-satellite SIMD batch with one lane used,
               about 7x slower).
               catalog: near-earth sets in one Sgp4Constellation (astroz's SIMD batch type, WGS-72) with
               propagate_into(times, r, v, epoch_offsets=0) into preallocated arrays; deep-space sets with
               Satrec.sgp4_array_into per satellite (astroz runs SDP4 one satellite at a time as well).
Results of the two libraries are compared (max position difference where both succeed) as a sanity check.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

# The ISS TLE (NORAD 25544, epoch 2019-04-03 13:07 UTC), copied from the team data set
# shared/data/missions/iss-tles.txt, first entry ("Progress MS-11 (2-orbit) ... Source: GitHub file, index id
# 26335888945, pyephem script, 'ISS TLE data from spaceflight.nasa.gov ... SVPOST'"). Checksums verified.
ISS_L1 = "1 25544U 98067A   19093.54651620  .00001767  00000-0  35856-4 0  9993"
ISS_L2 = "2 25544  51.6445  12.2674 0002441 141.3518 216.2348 15.52476822163652"

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "..", "..", "Tests", "ReferenceData", "python-sgp4", "tles.txt")
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reps", type=int, default=7, help="timed repetitions per case (default 7, at least 5)")
    p.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last one allowed)")
    p.add_argument("--scale", type=float, default=1.0, help="shrink the time grids (smoke tests only)")
    p.add_argument("--no-astroz", action="store_true", help="skip astroz even if it is installed")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    a = p.parse_args()
    if a.reps < 5 and a.scale == 1.0:
        p.error("--reps must be at least 5 for a reported run")
    return a


def pin(cpu):
    for k in THREAD_VARS:
        os.environ[k] = "1"
    allowed = sorted(os.sched_getaffinity(0))
    cpu = allowed[-1] if cpu is None else cpu
    os.sched_setaffinity(0, {cpu})
    return cpu, len(allowed)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
    except OSError:
        return platform.processor() or "unknown"
    model = next((l.split(":", 1)[1].strip() for l in info.splitlines() if l.startswith("model name")), "unknown")
    flags = next((l.split(":", 1)[1].split() for l in info.splitlines() if l.startswith("flags")), [])
    simd = [f for f in ("avx2", "fma", "avx512f", "avx512dq", "avx512vl") if f in flags]
    return "%s (%s)" % (model, " ".join(simd) or "no AVX2")


def read_tles(path, count):
    """The first `count` (name, line 1, line 2) sets of a 3-line TLE file."""
    with open(path) as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    sets = []
    for i in range(1, len(lines) - 1):
        if lines[i].startswith("1 ") and lines[i + 1].startswith("2 "):
            sets.append((lines[i - 1].strip(), lines[i], lines[i + 1]))
    if len(sets) < count:
        sys.exit("sgp4_peers: %s has %d TLEs, need %d" % (path, len(sets), count))
    return sets[:count]


def measure(fn, reps):
    fn()                                                   # warm-up (page faults, caches, lazy init)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def thread_count():
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return -1


# --------------------------------------------------------------------------------------------------------------
# python-sgp4

def sgp4_cases(np, tles, t_iss, t_cat, ne_mask):
    from sgp4.api import Satrec, SatrecArray, WGS72
    iss = Satrec.twoline2rv(ISS_L1, ISS_L2, WGS72)
    iss_arr = SatrecArray([iss])
    jd_iss = np.full(len(t_iss), iss.jdsatepoch)
    fr_iss = iss.jdsatepochF + t_iss / 1440.0

    sats = [Satrec.twoline2rv(l1, l2, WGS72) for l1, l2 in tles]
    grids = [(s, np.full(len(t_cat), s.jdsatepoch), s.jdsatepochF + t_cat / 1440.0) for s in sats]
    grids_ne = [g for g, ne in zip(grids, ne_mask) if ne]

    def iss_run():
        return iss_arr.sgp4(jd_iss, fr_iss)

    def cat_run(gs):
        return [s.sgp4_array(jd, fr) for s, jd, fr in gs]

    def positions(out):
        """(n_sats, n_times, 3) positions with NaN where the error code is nonzero."""
        r = np.stack([o[1] for o in out]) if isinstance(out, list) else out[1]
        e = np.stack([o[0] for o in out]) if isinstance(out, list) else out[0]
        r = r.copy()
        r[e != 0] = np.nan
        return r

    return {
        "iss": (iss_run, lambda: positions(iss_run())),
        "catalog": (lambda: cat_run(grids), lambda: positions(cat_run(grids))),
        "catalog-ne": (lambda: cat_run(grids_ne), lambda: positions(cat_run(grids_ne))),
    }


# --------------------------------------------------------------------------------------------------------------
# astroz

def astroz_cases(np, tles, t_iss, t_cat, ne_mask):
    from astroz import _astroz
    from astroz.api import Satrec, WGS72
    iss = Satrec.twoline2rv(ISS_L1, ISS_L2, WGS72)._native
    jd_iss = np.full(len(t_iss), iss.jdsatepoch)
    fr_iss = iss.jdsatepochF + t_iss / 1440.0
    r_iss = np.empty((len(t_iss), 3))
    v_iss = np.empty((len(t_iss), 3))

    sats = [Satrec.twoline2rv(l1, l2, WGS72)._native for l1, l2 in tles]

    def build(indices):
        near = [i for i in indices if not sats[i].is_deep_space and sats[i].error == 0]
        deep = [i for i in indices if sats[i].is_deep_space]
        const = _astroz.Sgp4Constellation([sats[i] for i in near], gravity_model=WGS72) if near else None
        n_t = len(t_cat)
        r_near = np.empty((len(near), n_t, 3))
        v_near = np.empty((len(near), n_t, 3))
        zeros = np.zeros(len(near))
        deep_io = [(sats[i], np.full(n_t, sats[i].jdsatepoch), sats[i].jdsatepochF + t_cat / 1440.0,
                    np.empty((n_t, 3)), np.empty((n_t, 3))) for i in deep]

        def run():
            if const is not None:
                const.propagate_into(t_cat, r_near, v_near, epoch_offsets=zeros)
            for s, jd, fr, r, v in deep_io:
                s.sgp4_array_into(jd, fr, r, v)

        def positions():
            run()
            out = np.full((len(indices), n_t, 3), np.nan)    # near-earth sets failing at init stay NaN
            where = {i: k for k, i in enumerate(indices)}
            for k, i in enumerate(near):
                out[where[i]] = r_near[k]
            for (s, jd, fr, r, v), i in zip(deep_io, deep):
                out[where[i]] = r
            return out

        return run, positions

    def iss_run():
        iss.sgp4_array_into(jd_iss, fr_iss, r_iss, v_iss)

    def iss_positions():
        iss_run()
        return r_iss[None].copy()                          # failed times are NaN

    all_idx = list(range(len(tles)))
    ne_idx = [i for i in all_idx if ne_mask[i]]
    return {"iss": (iss_run, iss_positions), "catalog": build(all_idx), "catalog-ne": build(ne_idx)}


# --------------------------------------------------------------------------------------------------------------

def main():
    args = parse_args()
    cpu, n_allowed = pin(args.cpu)
    import numpy as np                                     # after pinning, so no pool sees more than one CPU
    import sgp4
    from sgp4.api import Satrec, WGS72, accelerated

    n_iss = max(1000, int(round(1_000_000 * args.scale)))
    n_cat_t = max(10, int(round(1000 * args.scale)))
    t_iss = np.arange(n_iss, dtype=np.float64) * 0.01
    t_cat = np.arange(n_cat_t, dtype=np.float64)
    named = read_tles(CATALOG, 1000)
    tles = [(l1, l2) for _, l1, l2 in named]
    ne_mask = [Satrec.twoline2rv(l1, l2, WGS72).method == "n" for l1, l2 in tles]
    n_ne = sum(ne_mask)
    sizes = {"iss": (1, n_iss), "catalog": (len(tles), n_cat_t), "catalog-ne": (n_ne, n_cat_t)}

    libs = [("python-sgp4 %s" % sgp4.__version__ + ("" if accelerated else " (pure Python!)"),
             sgp4_cases(np, tles, t_iss, t_cat, ne_mask))]
    astroz_note = "not requested"
    if not args.no_astroz:
        try:
            import astroz
            libs.append(("astroz %s" % astroz.__version__, astroz_cases(np, tles, t_iss, t_cat, ne_mask)))
            astroz_note = "astroz %s" % astroz.__version__
        except Exception as exc:                           # not installed, or does not run on this CPU
            astroz_note = "skipped: %s: %s" % (type(exc).__name__, exc)

    print("CPU: %s; %d CPU(s) allowed, pinned to CPU %d; %s=1" % (cpu_model(), n_allowed, cpu,
                                                                 "=1, ".join(THREAD_VARS)))
    print("python %s, numpy %s, python-sgp4 %s (accelerated: %s), astroz: %s" % (
        platform.python_version(), np.__version__, sgp4.__version__, accelerated, astroz_note))
    print("load average before: %s" % " ".join("%.2f" % x for x in os.getloadavg()))
    print("catalog: first %d TLEs of tles.txt, %d near-earth (SGP4), %d deep-space (SDP4); reps %d after a warm-up"
          % (len(tles), n_ne, len(tles) - n_ne, args.reps))
    print()

    results, pos = [], {}
    for name in ("iss", "catalog", "catalog-ne"):
        n_s, n_t = sizes[name]
        for lib, cases in libs:
            run, positions = cases[name]
            median_s, min_s = measure(run, args.reps)
            props = n_s * n_t
            results.append({"name": name, "library": lib, "propagations": props, "median_s": median_s,
                            "min_s": min_s, "propagations_per_s": props / median_s})
            pos[(name, lib)] = positions()

    hdr = "%-11s %-22s %13s %10s %10s %14s %14s" % ("workload", "library", "propagations", "median s", "min s",
                                                  "M prop/s (med)", "M prop/s (min)")
    print(hdr)
    print("-" * len(hdr))
    for r in results:
        print("%-11s %-22s %13d %10.4f %10.4f %14.2f %14.2f" % (
            r["name"], r["library"], r["propagations"], r["median_s"], r["min_s"],
            r["propagations_per_s"] / 1e6, r["propagations"] / r["min_s"] / 1e6))
    print("threads in this process at the end: %d" % thread_count())

    checks = {}
    if len(libs) > 1:
        print()
        base, other = libs[0][0], libs[1][0]
        names = {"iss": ["ISS"], "catalog": [n for n, _, _ in named],
                 "catalog-ne": [n for (n, _, _), ne in zip(named, ne_mask) if ne]}
        for name in ("iss", "catalog", "catalog-ne"):
            a, b = pos[(name, base)], pos[(name, other)]
            both = ~np.isnan(a[..., 0]) & ~np.isnan(b[..., 0])
            dr = np.where(both, np.linalg.norm(np.nan_to_num(a - b), axis=-1), 0.0)
            mism = int(np.count_nonzero(np.isnan(a[..., 0]) != np.isnan(b[..., 0])))
            far = np.flatnonzero((dr > 1e-3).any(axis=1))  # sets with any |dr| > 1 m
            ra = [r for r in results if r["name"] == name]
            ratio = ra[1]["propagations_per_s"] / ra[0]["propagations_per_s"]
            rest = np.delete(dr, far, axis=0)
            checks[name] = {"ratio_astroz_over_sgp4": ratio, "max_position_difference_km": float(dr.max()),
                            "sets_differing_over_1_m": [names[name][k] for k in far],
                            "max_position_difference_other_sets_km": float(rest.max()) if rest.size else 0.0,
                            "entries_where_only_one_failed": mism}
            print("%-11s astroz / python-sgp4 = %6.2fx; max |dr| where both succeed %.3g km; entries where only "
                  "one failed: %d" % (name, ratio, dr.max(), mism))
            if len(far):
                print("%11s %d set(s) differ by > 1 m (%s); the other sets agree to %.3g km"
                      % ("", len(far), ", ".join(names[name][k] for k in far), checks[name][
                          "max_position_difference_other_sets_km"]))

    if args.json:
        doc = {"date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cpu": cpu_model(),
               "pinned_cpu": cpu, "python": platform.python_version(), "numpy": np.__version__,
               "astroz": astroz_note, "load_average": os.getloadavg(), "command": " ".join(sys.argv),
               "results": results, "checks": checks}
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
        os.replace(tmp, args.json)


if __name__ == "__main__":
    main()
