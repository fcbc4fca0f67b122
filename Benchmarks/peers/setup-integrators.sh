#!/usr/bin/env bash
# Create Benchmarks/peers/.venv-integrators with the numerical-integration peers of the work-precision
# benchmark (issue 4): heyoka (Taylor method), scipy (solve_ivp DOP853) and Orekit (DormandPrince853 via
# orekit-jpype; needs a Java 17 runtime). Safe to re-run. Orekit is optional: if it cannot be installed or
# its JVM does not start, this says so and exits 0 (integrator_peers.py then skips it).
#
#   bash Benchmarks/peers/setup-integrators.sh
#   Benchmarks/peers/.venv-integrators/bin/python Benchmarks/peers/integrator_peers.py --json peers.json
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv-integrators"
python="${PYTHON:-python3}"

# Pinned so that a re-run measures the same code; bump deliberately and note it in RESULTS.md.
HEYOKA_VERSION="7.13.2"
OREKIT_VERSION="13.1.9.0"

if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating $venv with $("$python" --version 2>&1)"
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)

"${pip[@]}" install "heyoka==$HEYOKA_VERSION" numpy scipy
"$venv/bin/python" -c 'import heyoka, numpy, scipy; print("setup: heyoka %s, numpy %s, scipy %s" % (heyoka.__version__, numpy.__version__, scipy.__version__))'

if "${pip[@]}" install "orekit-jpype==$OREKIT_VERSION"; then
  # Orekit's frames and dates used by the peer (GCRF, J2000 epoch) need no orekit-data directory.
  if "$venv/bin/python" -c 'import orekit_jpype; orekit_jpype.initVM(); from org.orekit.frames import FramesFactory; FramesFactory.getGCRF(); print("setup: orekit-jpype '"$OREKIT_VERSION"' starts its JVM")'; then :; else
    echo "setup: orekit-jpype installed but its JVM does not start (Java 17 missing?); integrator_peers.py will skip Orekit"
  fi
else
  echo "setup: orekit-jpype $OREKIT_VERSION did not install; integrator_peers.py will skip Orekit"
fi
echo "setup: done; run $venv/bin/python $here/integrator_peers.py"
