#!/usr/bin/env bash
# CI check of the Spark engine (issue 7): the -Pspark build (under target/spark/, so it does not
# touch the everyday build's classes or target/govsim.jar) compiles the engine, runs the Spark
# tests (local mode, a task failing once, an aborted job and its resume, a standalone master and
# worker started as processes on 127.0.0.1, the benchmark), runs the architecture test again with the
# engine's classes in it (govsim.architecture, layers and no cycles) and builds target/govsim-spark.jar.
# Then two smoke runs of that jar: without Spark on the class path it must refuse with exit 2 and
# a clear message; through Spark's own spark-submit entry point (org.apache.spark.deploy.SparkSubmit,
# the class bin/spark-submit runs) it must write the same bytes as the local engine of the same jar.
# Spark comes from Maven Central at build time (about 210 MB on a cold ~/.m2); nothing downloads
# at run time. Takes 2-3 minutes on 2 cores with a warm ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOVSIM_REQUIRE_SPARK_TESTS=1

echo "spark-check: mvn -Pspark package (Spark tests + target/govsim-spark.jar)"
mvn -B -q -Pspark package

# The Spark tests must have run, none skipped (they do not skip; this guards the build setup).
reports=target/spark/surefire-reports
tests=0; skipped=0
for f in "$reports"/TEST-govsim.spark.*.xml; do
  [ -f "$f" ] || continue
  t=$(grep -o -m1 '<testsuite [^>]*' "$f" | grep -o ' tests="[0-9]*"' | grep -o '[0-9]*')
  s=$(grep -o -m1 '<testsuite [^>]*' "$f" | grep -o ' skipped="[0-9]*"' | grep -o '[0-9]*')
  tests=$((tests + t)); skipped=$((skipped + s))
done
echo "spark-check: $tests Spark tests run, $skipped skipped"
if [ "$tests" -lt 8 ] || [ "$skipped" -ne 0 ]; then
  echo "spark-check: FAILED: expected at least 8 Spark tests and none skipped" >&2
  exit 1
fi

jar=target/govsim-spark.jar
listing=$(unzip -l "$jar")
if grep -q ' org/apache/spark/' <<<"$listing"; then
  echo "spark-check: FAILED: $jar bundles Spark (it must be provided by the cluster)" >&2
  exit 1
fi
grep -q ' govsim/spark/SparkSweepEngine.class' <<<"$listing" \
  || { echo "spark-check: FAILED: $jar has no Spark engine" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'name: tiny\nusers:\n  count: 2000\ntime:\n  horizon_days: 60\n' > "$tmp/tiny.yaml"
cat > "$tmp/sweep.yaml" <<'YAML'
base: tiny.yaml
parameters:
  users.switching_cost_mean: [0.01, 0.5]
replications: 2
regimes: [centralized, hybrid]
seed: 9
record_every_steps: 20
YAML

echo "spark-check: the jar without Spark refuses --engine spark"
set +e
msg=$(java -jar "$jar" sweep "$tmp/sweep.yaml" --engine spark --out "$tmp/none" 2>&1)
code=$?
set -e
if [ "$code" -ne 2 ] || ! grep -q "Spark is not on the class path" <<<"$msg" || grep -q "Exception" <<<"$msg"; then
  echo "spark-check: FAILED: expected exit 2 and a clear message, got $code: $msg" >&2
  exit 1
fi

echo "spark-check: the jar through spark-submit's entry point vs its local engine"
java -jar "$jar" sweep "$tmp/sweep.yaml" --out "$tmp/local" --quiet --threads 2 >/dev/null
java -cp "$(cat target/spark/spark.classpath)" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --conf spark.ui.enabled=false \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  "$jar" sweep "$tmp/sweep.yaml" --engine spark --out "$tmp/spark" --quiet > "$tmp/submit.log" 2>&1 \
  || { cat "$tmp/submit.log" >&2; echo "spark-check: FAILED: spark-submit run" >&2; exit 1; }
for f in runs.csv timeseries.csv.gz aggregate.csv experiments.csv outcomes.csv; do
  cmp "$tmp/local/$f" "$tmp/spark/$f" || { echo "spark-check: FAILED: $f differs" >&2; exit 1; }
done
echo "spark-check: OK"
