#!/usr/bin/env bash
# Create Benchmarks/peers/.venv with the SGP4 peers: python-sgp4 (Vallado's C++ SGP4 with a vectorised
# array API) and, if it installs and runs on this CPU, astroz (Zig SGP4/SDP4 with AVX2/AVX-512 SIMD).
# Safe to re-run. astroz is optional: if it cannot be installed or imported, this says so and exits 0.
#
#   bash Benchmarks/peers/setup.sh && Benchmarks/peers/.venv/bin/python Benchmarks/peers/sgp4_peers.py
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

# Pinned so that a re-run measures the same code; bump deliberately and note it in RESULTS.md.
SGP4_VERSION="2.27"
ASTROZ_VERSION="0.17.0"

if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating $venv with $("$python" --version 2>&1)"
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)

"${pip[@]}" install "sgp4==$SGP4_VERSION" numpy
"$venv/bin/python" - <<'PY'
import sgp4, numpy
from sgp4.api import accelerated
print("setup: sgp4 %s (C++ accelerated: %s), numpy %s" % (sgp4.__version__, accelerated, numpy.__version__))
if not accelerated:
    print("setup: WARNING: python-sgp4 fell back to pure Python; its figures are not the C++ peer")
PY

astroz_ok=0
if "$venv/bin/python" -c "import astroz" 2>/dev/null; then
  astroz_ok=1
elif "${pip[@]}" install --only-binary :all: "astroz==$ASTROZ_VERSION"; then
  astroz_ok=1
else
  echo "setup: astroz $ASTROZ_VERSION did not install (no wheel for this platform/Python?); continuing without it"
fi

if [ "$astroz_ok" = 1 ]; then
  # Import and propagate once: a wheel built for AVX-512 may still fail on an older CPU.
  if "$venv/bin/python" - <<'PY'
import astroz
from astroz.api import Satrec, WGS72
l1 = "1 25544U 98067A   19093.54651620  .00001767  00000-0  35856-4 0  9993"
l2 = "2 25544  51.6445  12.2674 0002441 141.3518 216.2348 15.52476822163652"
e, r, v = Satrec.twoline2rv(l1, l2, WGS72).sgp4(2458576.5, 0.54651620 + 0.5)
assert e == 0 and abs(r[0]) > 0, (e, r)
print("setup: astroz %s imports and propagates" % astroz.__version__)
PY
  then :; else
    echo "setup: astroz installed but does not run on this machine; sgp4_peers.py will skip it"
  fi
fi

flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true)
case "$flags" in
  *avx512f*) echo "setup: CPU has AVX-512F" ;;
  *avx2*) echo "setup: CPU has AVX2 but not AVX-512F" ;;
  *) echo "setup: CPU has neither AVX2 nor AVX-512F" ;;
esac
echo "setup: done; run $venv/bin/python $here/sgp4_peers.py"
