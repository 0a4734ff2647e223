#!/usr/bin/env bash
# Runs the benchmarks of issue 5 and writes benchmarks/results/latest.md (+ compile-time.svg).
#   1. compile time: javac with the processor vs -proc:none on a synthetic code base (2,000 classes; 1/50/500 configs)
#   2. loader: the generated load(ConfigSource) vs SmallRye Config, JMH steady state and single-shot cold start
# Not yet: 3. sessions vs Spring Session (see the README's Benchmarks section).
# Knobs (environment): BENCH_RUNS (5), BENCH_WARMUPS (1), BENCH_TOTAL (2000), BENCH_SIZES (1,50,500),
#   BENCH_SKIP_COMPILE=1, BENCH_SKIP_LOADER=1, JMH_COLD_FORKS (20).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/benchmarks/results"
mkdir -p "$results"
version=0.1.0-SNAPSHOT

echo "== building the project (mvn -q install -DskipTests) =="
mvn -q install -DskipTests
echo "== building benchmarks/ =="
mvn -q -f benchmarks/pom.xml package -DskipTests
mvn -q -f benchmarks/pom.xml dependency:build-classpath -Dmdep.outputFile="$root/benchmarks/target/classpath.txt" >/dev/null

annotations="$root/annotations/target/sessionconfig-annotations-$version.jar"
runtime="$root/runtime/target/sessionconfig-runtime-$version.jar"
processor="$root/processor/target/sessionconfig-processor-$version.jar"
classes="$root/benchmarks/target/classes"
cp_all="$classes:$(cat "$root/benchmarks/target/classpath.txt")"

work="$(mktemp -d "${TMPDIR:-/tmp}/sessionconfig-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

{
  echo "# Benchmark results"
  echo
  echo "Written by \`bash benchmarks/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')),"\
       "$(free -g | awk '/^Mem:/{print $2}') GB RAM; JDK: $(java -version 2>&1 | head -2 | tail -1)."
  echo
} > "$work/header.md"
cat "$work/header.md"

: > "$work/compile.md"
if [[ "${BENCH_SKIP_COMPILE:-0}" != 1 ]]; then
  echo "== 1. compile time =="
  java -Dbench.runs="${BENCH_RUNS:-5}" -Dbench.warmups="${BENCH_WARMUPS:-1}" -Dbench.total="${BENCH_TOTAL:-2000}" \
    -Dbench.sizes="${BENCH_SIZES:-1,50,500}" -cp "$classes" dev.sessionconfig.bench.compile.CompileBench \
    "$work" "$classes" "$annotations:$runtime" "$processor:$annotations" "$work/compile.md" "$results/compile-time.svg"
  echo >> "$work/compile.md"
  echo "![compile time](compile-time.svg)" >> "$work/compile.md"
  echo >> "$work/compile.md"
fi

: > "$work/loader.md"
if [[ "${BENCH_SKIP_LOADER:-0}" != 1 ]]; then
  echo "== 2. loader vs SmallRye Config (JMH) =="
  java -cp "$cp_all" dev.sessionconfig.bench.loader.LoaderBench "$cp_all" "$work/loader.md" "${JMH_COLD_FORKS:-20}"
fi

{
  cat "$work/header.md" "$work/compile.md" "$work/loader.md"
  echo "### Not measured yet"
  echo
  echo "- Sessions against Spring Session (requests per second, latency percentiles, Redis commands per request):"
  echo "  not built yet (issue 5, part 3)."
} > "$results/latest.md"
echo
echo "== written $results/latest.md =="
cat "$results/latest.md"
