#!/usr/bin/env bash
# Create Benchmarks/peers/.venv-lambert (git-ignored) with the Lambert peer: lamberthub's Izzo
# solver (numba-compiled). Safe to re-run.
#
#   bash Benchmarks/peers/setup-lambert.sh && Benchmarks/peers/.venv-lambert/bin/python Benchmarks/peers/lambert_peers.py
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv-lambert"
python="${PYTHON:-python3}"

# Pinned so that a re-run measures the same code; bump deliberately and note it with the figures.
LAMBERTHUB_VERSION="1.0.0"

if [ ! -x "$venv/bin/python" ]; then
  echo "setup-lambert: creating $venv with $("$python" --version 2>&1)"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip --disable-pip-version-check -q install "lamberthub==$LAMBERTHUB_VERSION"
"$venv/bin/python" - <<'PY'
import lamberthub, numba, numpy
print("setup-lambert: lamberthub %s, numba %s, numpy %s" % (lamberthub.__version__, numba.__version__, numpy.__version__))
PY
echo "setup-lambert: done; run $venv/bin/python $here/lambert_peers.py"
