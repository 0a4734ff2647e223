#!/usr/bin/env bash
# Runs the benchmarks side by side in one run, and writes benchmarks/results/latest.md, the summary
# chart benchmarks/results/benchmarks.svg, and the figures into README.md (between its benchmarks markers).
# A run with a part skipped or failed writes to benchmarks/target/partial-run/ instead, and exits 1 if one failed.
#   1. compile time: javac with the processor vs -proc:none (and baseline processors) on a synthetic code base
#   2. loader: the generated load(ConfigSource) vs SmallRye Config, JMH steady state and single-shot cold start
#   3. sessions: the quickstart's /get and /set with this project's Redis sessions vs Spring Session's, and none;
#      then 16 clients on one session incrementing counters in it (lost updates)
#   4. codecs: a session (Spring Security context + cart) stored by sessionconfig vs JDK serialization vs Jackson,
#      JMH encode and decode time, and the stored bytes
#   5. sessions of a user: 10,000 users × 3 sessions in the filesystem, Redis and PostgreSQL stores, lookups of one
#      user's sessions (latency, round trips on the wire, server-side counts), Spring Session's on the same Redis
# Knobs (environment): BENCH_RUNS (10 repetitions at the first size), BENCH_GROWTH_RUNS (3 at the others),
#   BENCH_WARMUPS (1), BENCH_TOTAL (2000), BENCH_SIZES (1,50,500),
#   JMH_COLD_FORKS (20), SESSIONS_CONCURRENCY (16), SESSIONS_WARMUP (5 s), SESSIONS_DURATION (10 s),
#   SESSIONS_ROUNDS (5: the measured time in turns of the variants), SESSIONS_MONITORED (2 s under MONITOR),
#   SESSIONS_INCREMENTS (200 per client, one session),
#   CODEC_FORKS (2), CODEC_WARMUPS (10 iterations), CODEC_ITERATIONS (5), CODEC_SECONDS (1 s per iteration),
#   USERS_USERS (10000), USERS_SESSIONS (per user, 3), USERS_WARMUP (2000 lookups), USERS_LOOKUPS (10000 timed),
#   USERS_COUNTED (1000 lookups through the round-trip counter),
#   BENCH_SKIP_COMPILE=1, BENCH_SKIP_LOADER=1, BENCH_SKIP_SESSIONS=1, BENCH_SKIP_CODEC=1, BENCH_SKIP_USERS=1.
#   MAVEN_REPO_LOCAL: the local Maven repository every mvn call of the run uses (-Dmaven.repo.local); unset, Maven's
#   own default (~/.m2/repository). MAVEN_ARGS: more options for every mvn call, split on blanks (e.g. -o).
# Part 1 alone (all the other parts skipped: 68 compiles, about 25 min on a quiet machine; BENCH_RUNS=6
# BENCH_GROWTH_RUNS=1 BENCH_WARMUPS=0 halves that) replaces only the compile-time section
# of benchmarks/results/latest.md and of README.md, marked as a rerun; the chart keeps the full run's bars.
# Parts 3 and 5 start their own redis-server, part 5 its own PostgreSQL: installed from Debian's packages when
# missing (scripts/install-servers.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version=0.1.0-SNAPSHOT
started=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
skipped=()
failed=()

# Before anything is measured, so that a missing server fails early.
servers=()
if [[ "${BENCH_SKIP_SESSIONS:-0}" != 1 || "${BENCH_SKIP_USERS:-0}" != 1 ]]; then
  servers+=(redis-server)
fi
if [[ "${BENCH_SKIP_USERS:-0}" != 1 ]]; then
  servers+=(postgresql)
fi
if [[ ${#servers[@]} -gt 0 ]]; then
  bash "$root/scripts/install-servers.sh" "${servers[@]}"
fi

# Every Maven call of the run, with the local repository asked for (the benchmarks resolve the project's artifacts
# from there, so the build and the class path must use the same one).
mvn_opts=()
if [[ -n "${MAVEN_REPO_LOCAL:-}" ]]; then
  mvn_opts+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
fi
read -ra maven_args <<< "${MAVEN_ARGS:-}" # split on blanks (Maven 3.8 does not read MAVEN_ARGS itself)
mvn_opts+=("${maven_args[@]}")
mvn() { command mvn "${mvn_opts[@]}" "$@"; }

echo "== building the project (mvn -q install -DskipTests${MAVEN_REPO_LOCAL:+, repository $MAVEN_REPO_LOCAL}) =="
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
  echo "Written by \`bash benchmarks/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')),"\
       "$(free -g | awk '/^Mem:/{print $2}') GB RAM; JDK: $(java -version 2>&1 | head -2 | tail -1);"\
       "load average when the run started: $load_at_start (1, 5, 15 min; other work on the"\
       "machine skews the figures)."
  echo
  echo "![benchmarks](benchmarks.svg)"
  echo
} > "$work/header.md"

if [[ "${BENCH_SKIP_COMPILE:-0}" != 1 ]]; then
  echo "== 1. compile time =="
  java -Dbench.runs="${BENCH_RUNS:-10}" -Dbench.growthRuns="${BENCH_GROWTH_RUNS:-3}" -Dbench.warmups="${BENCH_WARMUPS:-1}" -Dbench.total="${BENCH_TOTAL:-2000}" \
    -Dbench.sizes="${BENCH_SIZES:-1,50,500}" -cp "$cp_all" dev.sessionconfig.bench.compile.CompileBench \
    "$work" "$classes" "$annotations:$runtime" "$processor:$annotations" "$work/compile.md" "$work/compile.tsv" \
    || failed+=(compile)
else
  skipped+=(compile)
fi

if [[ "${BENCH_SKIP_LOADER:-0}" != 1 ]]; then
  echo "== 2. loader vs SmallRye Config (JMH) =="
  java -cp "$cp_all" dev.sessionconfig.bench.loader.LoaderBench "$cp_all" "$work/loader.md" "${JMH_COLD_FORKS:-20}" \
    "$work/loader.tsv" || failed+=(loader)
else
  skipped+=(loader)
fi

if [[ "${BENCH_SKIP_SESSIONS:-0}" != 1 ]]; then
  echo "== 3. sessions vs Spring Session on Redis =="
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.sessions.concurrency="${SESSIONS_CONCURRENCY:-16}" \
    -Dbench.sessions.warmup="${SESSIONS_WARMUP:-5}" -Dbench.sessions.duration="${SESSIONS_DURATION:-10}" \
    -Dbench.sessions.rounds="${SESSIONS_ROUNDS:-5}" -Dbench.sessions.monitored="${SESSIONS_MONITORED:-2}" \
    -Dbench.sessions.increments="${SESSIONS_INCREMENTS:-200}" \
    -cp "$cp_all" dev.sessionconfig.bench.sessions.SessionBench "$work/sessions.md" "$work/sessions.tsv" \
    || failed+=(sessions)
else
  skipped+=(sessions)
fi

if [[ "${BENCH_SKIP_CODEC:-0}" != 1 ]]; then
  echo "== 4. session codecs: sessionconfig vs JDK serialization vs Jackson (JMH) =="
  java -Dbench.codec.forks="${CODEC_FORKS:-2}" -Dbench.codec.warmups="${CODEC_WARMUPS:-10}" \
    -Dbench.codec.iterations="${CODEC_ITERATIONS:-5}" -Dbench.codec.seconds="${CODEC_SECONDS:-1}" \
    -cp "$cp_all" dev.sessionconfig.bench.codec.CodecBench "$cp_all" "$work/codec.md" "$work/codec.tsv" \
    || failed+=(codec)
else
  skipped+=(codec)
fi

if [[ "${BENCH_SKIP_USERS:-0}" != 1 ]]; then
  echo "== 5. sessions of a user: the index by user on each store, and Spring Session's =="
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.users.users="${USERS_USERS:-10000}" \
    -Dbench.users.sessions="${USERS_SESSIONS:-3}" -Dbench.users.warmup="${USERS_WARMUP:-2000}" \
    -Dbench.users.lookups="${USERS_LOOKUPS:-10000}" -Dbench.users.counted="${USERS_COUNTED:-1000}" \
    -cp "$cp_all" dev.sessionconfig.bench.users.UsersBench "$work/users.md" "$work/users.tsv" || failed+=(users)
else
  skipped+=(users)
fi

# Part 1 alone replaces its own section in the committed figures, saying when it ran.
if [[ ${#failed[@]} -eq 0 && " ${skipped[*]} " == " loader sessions codec users " ]]; then
  section="$work/compile-section.md"
  {
    head -n 1 "$work/compile.md" # the heading: the note goes inside the section, so the next rerun replaces it
    echo
    echo "_Rerun alone by \`bash benchmarks/run.sh\` (parts 2–5 skipped) on $(date -u +%Y-%m-%dT%H:%MZ); load average"\
         "when it started: $load_at_start (1, 5, 15 min). The other parts and the chart are from the run above._"
    tail -n +2 "$work/compile.md"
  } > "$work/compile-rerun.md"
  # The compile-time section runs from its heading to the next heading of the same level.
  splice() {
    awk -v section="$work/compile-rerun.md" '
      /^### Compile time/ { while ((getline line < section) > 0) print line; print ""; skip = 1; next }
      skip && /^### / { skip = 0 }
      !skip { print }' "$1" > "$section"
    grep -q '^### Compile time' "$section" && cp "$section" "$1"
  }
  splice "$root/benchmarks/results/latest.md"
  if grep -q '<!-- benchmarks:begin -->' README.md; then
    splice README.md
  fi
  echo "== part 1 alone: its section of benchmarks/results/latest.md and README.md replaced =="
  exit 0
fi

# Only a complete run replaces the committed figures; any other keeps what it measured apart, and nothing is lost.
if [[ ${#skipped[@]} -eq 0 && ${#failed[@]} -eq 0 ]]; then
  results="$root/benchmarks/results"
else
  results="$root/benchmarks/target/partial-run"
fi
mkdir -p "$results"
for part in "${skipped[@]}"; do
  echo "_Not run this time (skipped)._" > "$work/$part.md"
done
for part in "${failed[@]}"; do
  rm -f "$work/$part.tsv" # its figures are not valid: no bars
  [[ -s "$work/$part.md" ]] || echo "_Failed this time: see the output of the run._" > "$work/$part.md"
done
java -cp "$classes" dev.sessionconfig.bench.chart.SummaryChart "$results/benchmarks.svg" \
  "$work/compile.tsv" "$work/loader.tsv" "$work/sessions.tsv" "$work/codec.tsv" "$work/users.tsv"
elapsed=$(( $(date +%s) - started ))
{
  for part in header compile loader sessions codec users; do
    cat "$work/$part.md"
    echo
  done
  echo "The whole run took $(( elapsed / 60 )) min $(( elapsed % 60 )) s."
} > "$results/latest.md"

echo
cat "$results/latest.md"
echo
echo "== written $results/latest.md and $results/benchmarks.svg =="
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "== failed: ${failed[*]}; README.md left as it was ==" >&2
  exit 1
fi
if [[ ${#skipped[@]} -gt 0 ]]; then
  echo "== skipped: ${skipped[*]}; README.md left as it was =="
  exit 0
fi

# README.md shows the same figures: replace what lies between its markers (images relative to the root).
if ! grep -q '<!-- benchmarks:begin -->' README.md || ! grep -q '<!-- benchmarks:end -->' README.md; then
  echo "== README.md has no <!-- benchmarks:begin --> / <!-- benchmarks:end --> markers: not updated ==" >&2
  exit 1
fi
awk -v figures="$results/latest.md" '
  /<!-- benchmarks:begin -->/ { print; while ((getline line < figures) > 0) {
    gsub(/\(benchmarks\.svg\)/, "(benchmarks/results/benchmarks.svg)", line); print line }; skip = 1; next }
  /<!-- benchmarks:end -->/ { skip = 0 }
  !skip { print }' README.md > "$work/README.md"
cp "$work/README.md" README.md
echo "== README.md updated =="
