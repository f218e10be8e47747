#!/usr/bin/env bash
# A govsim sweep on a Slurm cluster: one job array of N shards, then one merge job.
#
# On the login node, in the govsim folder (Java 17 and Maven there, or a govsim.jar built
# elsewhere and copied to target/govsim.jar):
#
#   scenarios/sweeps/slurm-array.sh scenarios/sweeps/sobol-key-parameters.yaml 16
#
# builds target/govsim.jar if needed, then submits
#   - an array of 16 tasks: task i runs `govsim sweep SWEEP --shard i/16` into
#     OUT-shards/i-of-16/ (with --resume: a requeued or resubmitted task continues its shard);
#   - a merge job, started when every task has ended (afterany: a failed task is reported by the
#     merge, which names the missing or incomplete shards), writing the sweep's outputs to OUT,
#     byte-identical to `govsim sweep SWEEP` on one machine.
# OUT defaults to results/slurm-<sweep file name>; set OUT=... to choose. Change the #SBATCH
# lines below (time, memory, cores, partition/account) to fit your cluster and sweep: each task
# runs its shard's runs on --cpus-per-task cores; memory is what --cpus-per-task runs of your
# world need at once (./govsim bench reports the peak heap of a baseline run).
#
# If a task failed (time limit, node failure), resubmit just that one; it resumes its shard:
#   sbatch --array=7 --export=ALL,GOVSIM_SWEEP=...,GOVSIM_SHARDS=16,GOVSIM_OUT=... scenarios/sweeps/slurm-array.sh
# and then merge by hand:  java -jar target/govsim.jar merge OUT-shards/*-of-16 --out OUT
#
# Run directly as `sbatch --array=1-16 scenarios/sweeps/slurm-array.sh SWEEP` it runs the shards
# only (N is the array's size), and the merge is up to you.
#
#SBATCH --job-name=govsim-sweep
#SBATCH --array=1-8
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --output=slurm-%x-%A_%a.out
set -euo pipefail

# If your cluster provides Java through environment modules, load Java 17 here, e.g.:
# module load java/17

govsim() {
  # GOVSIM_CMD replaces the java command (tests use it); GOVSIM_JAVA_OPTS adds JVM options.
  if [ -n "${GOVSIM_CMD:-}" ]; then
    # shellcheck disable=SC2086
    $GOVSIM_CMD "$@"
  else
    # shellcheck disable=SC2086
    java ${GOVSIM_JAVA_OPTS:-} -jar "$GOVSIM_HOME/target/govsim.jar" "$@"
  fi
}

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # ------------------------------------------------------------------ one array task: one shard
  cd "${SLURM_SUBMIT_DIR:-.}"
  GOVSIM_HOME="${GOVSIM_HOME:-$PWD}"
  sweep="${GOVSIM_SWEEP:-${1:?give the sweep file: sbatch --array=1-N $0 SWEEP.yaml}}"
  shards="${GOVSIM_SHARDS:-${SLURM_ARRAY_TASK_COUNT:?cannot tell the number of shards; set GOVSIM_SHARDS}}"
  out="${GOVSIM_OUT:-${OUT:-results/slurm-$(basename "$sweep" .yaml)}}"
  # Shards are numbered from 1: an array numbered from 0 (--array=0-15) is shifted.
  shard=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-1} + 1))
  echo "govsim shard $shard/$shards of $sweep on $(hostname), ${SLURM_CPUS_PER_TASK:-1} cores"
  status=0
  govsim sweep "$sweep" --shard "$shard/$shards" --threads "${SLURM_CPUS_PER_TASK:-1}" \
    --out "$out-shards/$shard-of-$shards" --resume || status=$?
  # Exit 3 means some runs failed (recorded; the merge lists them in runs.csv): the shard is done.
  if [ "$status" -eq 3 ]; then exit 0; fi
  exit "$status"
fi

# -------------------------------------------------------------------- on the login node: submit
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 SWEEP.yaml [SHARDS]   (submits SHARDS array tasks, default 8, and the merge)" >&2
  exit 2
fi
sweep="$1"
shards="${2:-8}"
case "$shards" in ''|*[!0-9]*) echo "$0: SHARDS must be a whole number, got '$shards'" >&2; exit 2 ;; esac
if [ "$shards" -lt 1 ]; then echo "$0: SHARDS must be at least 1" >&2; exit 2; fi
[ -f "$sweep" ] || { echo "$0: no sweep file $sweep" >&2; exit 2; }
GOVSIM_HOME="${GOVSIM_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
out="${OUT:-results/slurm-$(basename "$sweep" .yaml)}"

# Build the jar once, here, rather than in every task (check the sweep file first, on a machine
# where running a few runs is fine: ./govsim sweep SWEEP --dry-run).
if [ -z "${GOVSIM_CMD:-}" ]; then "$GOVSIM_HOME/govsim" --version >/dev/null; fi

array=$(sbatch --parsable --array="1-$shards" \
  --export="ALL,GOVSIM_HOME=$GOVSIM_HOME,GOVSIM_SWEEP=$sweep,GOVSIM_SHARDS=$shards,GOVSIM_OUT=$out" "$0")
array="${array%%;*}"
merge=$(sbatch --parsable --dependency="afterany:$array" --job-name=govsim-merge --ntasks=1 \
  --cpus-per-task=1 --mem=4G --time=01:00:00 --output="slurm-%x-%j.out" \
  --export="ALL,GOVSIM_HOME=$GOVSIM_HOME" \
  --wrap="cd '$PWD' && ${GOVSIM_CMD:-java ${GOVSIM_JAVA_OPTS:-} -jar '$GOVSIM_HOME/target/govsim.jar'} merge '$out-shards'/*-of-$shards --out '$out' --force")
echo "submitted: array job $array ($shards shards -> $out-shards/), merge job $merge -> $out"
echo "follow with: squeue -j $array,$merge"
