#!/usr/bin/env bash
# Notebook check (issue 6): exported notebooks must run top to bottom on a stock Linux
# distribution. Makes a small run, a small regime comparison and a small game sweep with the built
# jar, exports a notebook for each into a throw-away "repository" folder, moves that folder (so the notebooks
# must find their data by their relative paths, as on another machine), and executes them
# headlessly with Debian's own Python (pandas 1.5, matplotlib 3.6, nbconvert). Fails if a cell
# fails. Installs the Debian packages it needs. Run from anywhere:  bash .ci/notebook-check.sh
#
# GOVSIM overrides the command that runs govsim (default: java -jar target/govsim.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
start=$(date +%s)

PY=/usr/bin/python3
packages=(python3-pandas python3-matplotlib python3-nbconvert jupyter-nbconvert python3-ipykernel)
need=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "notebook-check: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
"$PY" -c "import pandas, matplotlib, nbconvert, ipykernel" || {
  echo "notebook-check: $PY cannot import pandas, matplotlib, nbconvert and ipykernel" >&2
  exit 1
}

jar="$repo/target/govsim.jar"
if [ -n "${GOVSIM:-}" ]; then
  read -r -a cmd <<<"$GOVSIM"
else
  # Build the jar if it is missing or older than the sources (as ./govsim does).
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "notebook-check: building target/govsim.jar"
    mvn -q -B -DskipTests package
  fi
  cmd=(java -Djava.awt.headless=true -jar "$jar")
fi
govsim() { "${cmd[@]}" "$@"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/govsim-notebook-check.XXXXXX")"
moved="$work.moved"
trap 'rm -rf "$work" "$moved"' EXIT
small=(--set users.count=5000 --set time.horizon_days=365)

echo "notebook-check: a small run and a small comparison (5,000 users, one year)"
govsim run "$repo/scenarios/baseline.yaml" --out "$work/results/baseline/seed-1" "${small[@]}" --quiet
govsim compare "$repo/scenarios/baseline.yaml" --out "$work/results/baseline/compare-seed-1" --reps 3 \
  "${small[@]}" --quiet >/dev/null
# A small game sweep (DSAIR over p_r, exact and agent-based), for the game-sweep notebook.
mkdir -p "$work/sweeps"
cat >"$work/sweeps/dsair-small.yaml" <<EOF_SWEEP
name: dsair-small
game: $repo/scenarios/games/dsair.yaml
set: [simulation.seeds=2, simulation.updates=20000, simulation.burn_in=2000]
parameters:
  game.parameters.s: [1.5, 3]
  game.parameters.p_r: {min: 0.6, max: 1, levels: 5}
abm: true
EOF_SWEEP
govsim sweep "$work/sweeps/dsair-small.yaml" --out "$work/results/game-dsair/sweep-dsair-small" --quiet --no-report
# Export from the throw-away folder as if it were the repository root.
(cd "$work" && govsim notebook results/baseline/compare-seed-1 && govsim notebook results/baseline/seed-1 \
  && govsim notebook results/game-dsair/sweep-dsair-small)
mv "$work" "$moved"

export PYDEVD_DISABLE_FILE_VALIDATION=1
status=0
for nb in "$moved"/notebooks-export/baseline-compare-seed-1.ipynb "$moved"/notebooks-export/baseline-seed-1.ipynb \
    "$moved"/notebooks-export/game-dsair-sweep-dsair-small.ipynb; do
  name="$(basename "$nb" .ipynb)"
  echo "notebook-check: executing $name.ipynb"
  if ! "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --output "$name.executed.ipynb" "$nb" 2>"$moved/$name.log"; then
    cat "$moved/$name.log" >&2
    echo "notebook-check: FAILED: a cell of $name.ipynb raised an error (above)" >&2
    status=1
    continue
  fi
  # Belt and braces: no error outputs, and the figures were drawn.
  "$PY" - "$moved/notebooks-export/$name.executed.ipynb" <<'EOF' || status=1
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
errors = [o for o in outputs if o.get("output_type") == "error"]
images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
if errors:
    sys.exit("notebook-check: FAILED: error output: " + errors[0].get("ename", "") + ": " + errors[0].get("evalue", ""))
if images == 0:
    sys.exit("notebook-check: FAILED: the notebook drew no figure")
print(f"notebook-check: ok, {len(nb['cells'])} cells, {images} figures")
EOF
done
echo "notebook-check: $(( $(date +%s) - start )) s"
exit $status
