#!/usr/bin/env bash
# The SafeSteps load benchmark, one command from the project folder:  bash src/bench/run.sh
#
# Installs wrk and nginx if missing (Debian, as root or with sudo), builds the jar, starts it with
# -Xmx512m on a fresh temporary data folder (embedded database, file backend), seeds 200 classes x
# 30 learners through the app's own pages, then measures: (1) a lesson step for learners, (2) quiz
# submissions (and counts them in the database), (3) the teacher's class report, (4) the 9:00
# burst, and the same lesson HTML served by nginx as the ceiling. Results: target/bench/results.md
# and the raw outputs beside it. Everything listens on 127.0.0.1 and stops by itself; the app and
# nginx are killed on exit. Settings (environment variables) are listed in docs/performance.md.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH="$ROOT/src/bench"
OUT="$ROOT/target/bench"

BUILD=${BENCH_BUILD:-1}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-10s}
THREADS=${BENCH_THREADS:-2}
APP_PORT=${BENCH_APP_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
TOMCAT_PORT=${BENCH_TOMCAT_PORT:-18082}
CEILING=${BENCH_CEILING:-1}
MONGO_PORT=${BENCH_MONGO_PORT:-18017}
SCENARIOS=${BENCH_SCENARIOS:-lesson,quiz,report,burst}
LESSON_PATH=${BENCH_LESSON_PATH:-/learn/trusted-adults?step=2}
REPORT_PATH=${BENCH_REPORT_PATH:-/teacher/classes/{id}}
STANDIN_PAGES=${BENCH_STANDIN_PAGES:-/ /parents/sextortion /help?country=GB}
HEAP=${BENCH_HEAP:--Xmx512m}
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD="bench-$(date +%s)-$RANDOM-$RANDOM-long-enough"

say() { printf '\n== %s\n' "$*"; }
wants() { [[ ",$SCENARIOS," == *",$1,"* ]]; }

# --- tools --------------------------------------------------------------------------------------
NGINX=$(command -v nginx || true)
[[ -z "$NGINX" && -x /usr/sbin/nginx ]] && NGINX=/usr/sbin/nginx
if ! command -v wrk >/dev/null || [[ -z "$NGINX" ]]; then
	say "Installing wrk and nginx (Debian packages)"
	if [[ $(id -u) -eq 0 ]]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
		echo "wrk and nginx are missing and neither root nor sudo is available: apt-get install wrk nginx" >&2
		exit 1
	fi
	$SUDO apt-get update -qq
	# no service is started: nginx runs below in the foreground from a temporary folder only
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx >/dev/null
	NGINX=$(command -v nginx || echo /usr/sbin/nginx)
fi
for tool in java javac jar curl wrk; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

# --- build --------------------------------------------------------------------------------------
if [[ "$BUILD" == 1 ]]; then
	say "Building the jar (./mvnw -q -DskipTests package)"
	./mvnw -q -DskipTests package
fi
JAR=$(ls target/safesteps-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[[ -n "$JAR" ]] || { echo "No jar in target/: run without BENCH_BUILD=0" >&2; exit 1; }

for port in "$APP_PORT" "$NGINX_PORT" "$TOMCAT_PORT" "$MONGO_PORT"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "Port $port on 127.0.0.1 is in use: set BENCH_APP_PORT, BENCH_NGINX_PORT, BENCH_TOMCAT_PORT or BENCH_MONGO_PORT" >&2
		exit 1
	fi
done

# --- temporary folder, cleanup ------------------------------------------------------------------
WORK=$(mktemp -d)
APP_PID=""
NGINX_PID=""
TOMCAT_PID=""
cleanup() {
	if [[ -n "$TOMCAT_PID" ]]; then kill "$TOMCAT_PID" 2>/dev/null || true; wait "$TOMCAT_PID" 2>/dev/null || true; fi
	if [[ -n "$NGINX_PID" ]]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
	if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
	[[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$WORK"
	return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$OUT"
mkdir -p "$OUT" "$WORK/data" "$WORK/seed" "$WORK/classes" "$WORK/lib" "$WORK/nginx/www" "$WORK/nginx/tmp" \
	"$WORK/ceiling/classes" "$WORK/ceiling/lib" "$WORK/ceiling/base"

# The Java driver uses the app's own MongoDB driver jars, taken from the packaged jar.
(cd "$WORK/lib" && jar xf "$ROOT/$JAR" $(jar tf "$ROOT/$JAR" | grep -E 'BOOT-INF/lib/(mongodb-driver-(sync|core)|bson)-[0-9]'))
CP=$(find "$WORK/lib" -name '*.jar' | tr '\n' ':')
javac -nowarn -d "$WORK/classes" -cp "$CP" "$BENCH/Bench.java"
bench() { java -cp "$WORK/classes:$CP" Bench "$@"; }
# The Tomcat ceiling: the app's own Tomcat jar with one servlet and nothing else (src/bench/Ceiling.java).
(cd "$WORK/ceiling/lib" && jar xf "$ROOT/$JAR" $(jar tf "$ROOT/$JAR" | grep -E 'BOOT-INF/lib/(tomcat-embed-core|jakarta.annotation-api)-[0-9]'))
CEILING_CP=$(find "$WORK/ceiling/lib" -name '*.jar' | tr '\n' ':')
javac -nowarn -d "$WORK/ceiling/classes" -cp "$CEILING_CP" "$BENCH/Ceiling.java"

# --- the app ------------------------------------------------------------------------------------
say "Starting $JAR ($HEAP, embedded database in a fresh temporary folder)"
JFR=()
[[ "${BENCH_JFR:-0}" == 1 ]] && JFR=("-XX:StartFlightRecording=filename=$OUT/app.jfr,settings=profile")
# Started from the temporary folder, not the project folder: there, the app would read themes/
# and content/ from the folders (live editing, templates re-read every 2 s) instead of the jar.
(cd "$WORK" && SAFESTEPS_DATA_DIR="$WORK/data" SAFESTEPS_ADMIN_EMAIL="$ADMIN_EMAIL" \
	SAFESTEPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" PORT="$APP_PORT" MONGODB_URI="" \
	exec java "$HEAP" "-Xlog:gc:file=$OUT/gc.log" "${JFR[@]}" -jar "$ROOT/$JAR" \
	--safesteps.storage.embedded-port="$MONGO_PORT" --server.address=127.0.0.1 --safesteps.rate-limits.enabled=false \
	${BENCH_APP_ARGS:-}) >"$OUT/app.log" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 180); do
	curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null && break
	kill -0 "$APP_PID" 2>/dev/null || { echo "The app stopped; see $OUT/app.log" >&2; exit 1; }
	sleep 1
done
curl -fsS -o /dev/null "$BASE/actuator/health" || { echo "The app did not become healthy in 180 s" >&2; exit 1; }
# Let the first-admin listener finish (it runs on ApplicationReadyEvent, right around health).
for _ in $(seq 1 30); do grep -q "Created the first admin" "$OUT/app.log" && break; sleep 1; done

# --- seed ---------------------------------------------------------------------------------------
say "Seeding through the app's pages"
SEED_START=$(date +%s)
SAFESTEPS_ADMIN_EMAIL="$ADMIN_EMAIL" SAFESTEPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" bench seed "$BASE" "$WORK/seed" \
	| tee "$OUT/seed.txt"
SEED_SECONDS=$(($(date +%s) - SEED_START))
SEEDED=0
CLASSES=0
case "$(cat "$WORK/seed/seed.status" 2>/dev/null)" in
	seeded) SEEDED=1; CLASSES=1 ;;
	no-learner-pages) CLASSES=1 ;;
esac

ROWS=()
NOTES=()
CLK_TCK=$(getconf CLK_TCK)
# CPU time (ms) used so far by these processes and their child processes (nginx's workers).
cpu_ms() {
	local ticks=0 pid p
	for pid in "$@"; do
		for p in "$pid" $(pgrep -P "$pid" 2>/dev/null || true); do
			[[ -r "/proc/$p/stat" ]] || continue
			ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
		done
	done
	echo $((ticks * 1000 / CLK_TCK))
}
# Whose CPU time wrk_run charges to the requests: the app unless a caller says otherwise.
CPU_OF=""
# $1 name, $2 connections, $3 lua script, $4 url, rest: VAR=value for the script.
# Runs a warm-up (not reported) and the measured run; prints and returns the BENCH line.
wrk_run() {
	local name=$1 connections=$2 script=$3 url=$4
	shift 4
	local threads=$THREADS
	((connections < threads)) && threads=$connections
	if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
		env "$@" BENCH_NAME="$name" BENCH_LUA="$BENCH" BENCH_THREADS="$threads" BENCH_RUN=1 \
			wrk -t"$threads" -c"$connections" -d"$WARMUP" --timeout 5s --latency -s "$BENCH/$script" "$url" \
			>"$OUT/$name.warmup.txt"
	fi
	local load cpu_before
	load=$(cut -d' ' -f1 /proc/loadavg)
	cpu_before=$(cpu_ms ${CPU_OF:-$APP_PID})
	env "$@" BENCH_NAME="$name" BENCH_LUA="$BENCH" BENCH_THREADS="$threads" BENCH_RUN=2 \
		wrk -t"$threads" -c"$connections" -d"$DURATION" --timeout 5s --latency -s "$BENCH/$script" "$url" \
		>"$OUT/$name.txt"
	local line
	line=$(grep '^BENCH' "$OUT/$name.txt")
	printf '%s\t%s\t%s\n' "$line" "$load" "$(per_request "$cpu_before" "$(cpu_ms ${CPU_OF:-$APP_PID})" "$line")"
}
# $1 CPU ms before, $2 after, $3 BENCH line: CPU ms per request answered
per_request() {
	awk -v a="$1" -v b="$2" -v n="$(cut -f8 <<<"$3")" 'BEGIN { if (n > 0) printf "%.2f", (b - a) / n; else print "-" }'
}
field() { cut -f"$2" <<<"$1"; }
good_of() { grep -h '^BENCH' "$@" | awk -F'\t' '{ sum += $9 } END { print sum + 0 }'; }
# $1 label, $2 connections, $3 BENCH line (+ load average column), $4 ratio text
row() {
	local errors
	errors=$(field "$3" 7)
	# wrk does not count requests still unanswered when the run ends: no answer at all is a failure
	[[ "$(field "$3" 8)" == 0 ]] && errors="no answer in the run"
	ROWS+=("| $1 | $2 | $(field "$3" 3) | $(field "$3" 4) | $(field "$3" 5) | $(field "$3" 6) | $errors | $4 | $(field "$3" 11) | $(field "$3" 10) |")
}

# Starts nginx once over $WORK/nginx/www (filled by the pages below).
start_nginx() {
	[[ -n "$NGINX_PID" ]] && return 0
	sed -e "s#@ROOT@#$WORK/nginx#g" -e "s#@PORT@#$NGINX_PORT#g" "$BENCH/nginx.conf" >"$WORK/nginx/nginx.conf"
	# nginx started as root hands requests to unprivileged workers: they must read the files
	chmod -R a+rX "$WORK/nginx"
	chmod a+x "$WORK"
	"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>>"$OUT/nginx.log" &
	NGINX_PID=$!
	for _ in $(seq 1 50); do
		curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null && return 0
		curl -sS -o /dev/null "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "nginx did not start; see $OUT/nginx.log" >&2
	exit 1
}

# $1 short id (file names), $2 label, $3 path on the app, $4 cookie header for the saved copy ("" for
# none), $5 page.lua cookies 0/1. Outputs: <id>.html (the page), <id>.txt (app), <id>-nginx.txt.
page_with_ceiling() {
	local id=$1 label=$2 path=$3 cookie=$4 cookies=$5
	local file="$id.html"
	bench fetch "$BASE$path" "$cookie" >"$WORK/nginx/www/$file"
	cp "$WORK/nginx/www/$file" "$OUT/$file"
	start_nginx
	say "$label: the app, 64 connections"
	local ours theirs
	ours=$(wrk_run "$id" 64 page.lua "$BASE$path" BENCH_PATH="$path" BENCH_COOKIES="$cookies" \
		BENCH_LEARNERS="$WORK/seed/learners.tsv")
	echo "$ours"
	say "$label: nginx serving the same HTML ($(wc -c <"$WORK/nginx/www/$file") bytes), 64 connections"
	CPU_OF=$NGINX_PID
	theirs=$(wrk_run "$id-nginx" 64 page.lua "http://127.0.0.1:$NGINX_PORT/$file" BENCH_PATH="/$file")
	CPU_OF=""
	echo "$theirs"
	local ratio
	ratio=$(awk -v a="$(field "$ours" 3)" -v b="$(field "$theirs" 3)" 'BEGIN { printf "%.1f%%", (b > 0) ? 100 * a / b : 0 }')
	row "$label" 64 "$ours" "$ratio of nginx"
	row "nginx, same HTML as above" 64 "$theirs" "100%"
	[[ "$CEILING" == 1 ]] || return 0
	# The servlet container alone (no Spring, filters, session, database or template), same bytes:
	# how much of the gap to nginx any Tomcat application pays before its own code runs.
	java -Xmx128m -cp "$WORK/ceiling/classes:$CEILING_CP" Ceiling "$TOMCAT_PORT" "$WORK/nginx/www/$file" \
		"$WORK/ceiling/base" >>"$OUT/ceiling.log" 2>&1 &
	TOMCAT_PID=$!
	for _ in $(seq 1 100); do
		curl -fsS -o /dev/null "http://127.0.0.1:$TOMCAT_PORT/$file" 2>/dev/null && break
		sleep 0.2
	done
	say "$label: Tomcat alone, one servlet answering the same HTML, 64 connections"
	local tomcat
	CPU_OF=$TOMCAT_PID
	tomcat=$(wrk_run "$id-tomcat" 64 page.lua "http://127.0.0.1:$TOMCAT_PORT/$file" BENCH_PATH="/$file")
	CPU_OF=""
	echo "$tomcat"
	kill "$TOMCAT_PID" 2>/dev/null || true; wait "$TOMCAT_PID" 2>/dev/null || true
	TOMCAT_PID=""
	ratio=$(awk -v a="$(field "$tomcat" 3)" -v b="$(field "$theirs" 3)" 'BEGIN { printf "%.1f%%", (b > 0) ? 100 * a / b : 0 }')
	row "Tomcat alone (one servlet, no Spring), same HTML" 64 "$tomcat" "$ratio of nginx"
}

# --- (1) lesson step, and the nginx ceiling -----------------------------------------------------
if wants lesson; then
	if [[ "$SEEDED" == 1 ]]; then
		first=$(head -1 "$WORK/seed/learners.tsv")
		page_with_ceiling lesson "Lesson step $LESSON_PATH (learner cookie, one learner per request)" \
			"${LESSON_PATH//\{module\}/$(cut -f4 <<<"$first")}" "safesteps_learner=$(cut -f1 <<<"$first")" 1
	else
		NOTES+=("Scenario 1 ran on stand-in pages: no learners could be seeded on this build (see seed.txt).")
		n=0
		for page in $STANDIN_PAGES; do
			n=$((n + 1))
			page_with_ceiling "standin-$n" "Stand-in page $page (no cookie)" "$page" "" 0
		done
	fi
fi
if [[ -n "$NGINX_PID" ]]; then
	kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true
	NGINX_PID=""
fi

# --- (2) quiz submissions -----------------------------------------------------------------------
if wants quiz; then
	if [[ "$SEEDED" == 1 ]]; then
		say "Quiz submissions, 64 connections"
		before=$(bench count "$MONGO_PORT" attempts 2>>"$OUT/bench-java.log")
		line=$(wrk_run quiz 64 quiz.lua "$BASE" BENCH_LEARNERS="$WORK/seed/learners.tsv")
		echo "$line"
		sleep 2 # the server finishes the requests that were in flight when wrk stopped
		after=$(bench count "$MONGO_PORT" attempts 2>>"$OUT/bench-java.log")
		acknowledged=$(good_of "$OUT/quiz.txt" "$OUT"/quiz.warmup.txt)
		stored=$((after - before))
		verdict="every acknowledged submission stored"
		((stored < acknowledged)) && verdict="MISSING $((acknowledged - stored)) acknowledged submissions"
		row "Quiz submission (POST, fresh submission id, learner's CSRF token)" 64 "$line" "-"
		NOTES+=("Quiz: $acknowledged submissions acknowledged (warm-up + measured run), $stored new attempts in the database: $verdict.")
		echo "acknowledged $acknowledged, stored $stored: $verdict" | tee "$OUT/quiz-count.txt"
	else
		NOTES+=("Scenario 2 (quiz) not run: no learners seeded on this build.")
	fi
fi

# --- (3) class report ---------------------------------------------------------------------------
if wants report; then
	if [[ "$CLASSES" == 1 ]]; then
		[[ "$SEEDED" == 1 ]] || NOTES+=("Scenario 3 ran on classes without learners: the learner pages are not in this build.")
		say "Class report $REPORT_PATH, 8 connections"
		line=$(wrk_run report 8 report.lua "$BASE" BENCH_PATH="$REPORT_PATH" BENCH_CLASSES="$WORK/seed/classes.tsv" \
			BENCH_TEACHER_COOKIE="$(cat "$WORK/seed/teacher.cookie")")
		echo "$line"
		who="${BENCH_LEARNERS_PER_CLASS:-30} learners"
		[[ "$SEEDED" == 1 ]] || who="no learners"
		row "Class report $REPORT_PATH (signed-in teacher, $who)" 8 "$line" "-"
	else
		NOTES+=("Scenario 3 (class report) not run: the teacher pages are not in this build.")
	fi
fi

# --- (4) 9:00 burst -----------------------------------------------------------------------------
if wants burst; then
	if [[ "$SEEDED" == 1 ]]; then
		say "9:00 burst: ${BENCH_BURST_LEARNERS:-6000} learners join and open their first lesson within ${BENCH_BURST_SECONDS:-60} s"
		load=$(cut -d' ' -f1 /proc/loadavg)
		cpu_before=$(cpu_ms "$APP_PID")
		bench burst "$BASE" "$WORK/seed/classes.tsv" "$OUT/burst.txt" >/dev/null
		cat "$OUT/burst.txt"
		burst=$(grep '^BENCH' "$OUT/burst.txt")
		line=$(printf '%s\t%s\t%s' "$burst" "$load" "$(per_request "$cpu_before" "$(cpu_ms "$APP_PID")" "$burst")")
		row "9:00 burst: join + first lesson, 4 requests per learner (open loop)" "${BENCH_BURST_THREADS:-256} max" "$line" "-"
		NOTES+=("Burst: $(head -1 "$OUT/burst.txt")")
		NOTES+=("Burst: $(sed -n 3p "$OUT/burst.txt")")
		NOTES+=("Burst: $(grep '^load generator' "$OUT/burst.txt")")
	else
		NOTES+=("Scenario 4 (9:00 burst) not run: no classes to join on this build.")
	fi
fi

# --- heap and report ----------------------------------------------------------------------------
ALIVE="yes"
kill -0 "$APP_PID" 2>/dev/null || ALIVE="NO"
OOM=$(grep -c OutOfMemoryError "$OUT/app.log" || true)
PEAK=$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | cut -dM -f1 | sort -n | tail -1 || true)
{
	echo "# SafeSteps load benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), \
$(free -g | awk '/Mem:/ { print $2 }') GB RAM; $(java -version 2>&1 | head -1); app $HEAP on the embedded \
database (file backend); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); wrk -t$THREADS, \
$DURATION per scenario after a $WARMUP warm-up; seeding took ${SEED_SECONDS} s."
	echo
	echo "| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | ratio | CPU ms/request | load |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	printf '%s\n' "${ROWS[@]}"
	echo
	echo "The load column is the machine's 1-minute load average when the run started: above the core count, other"
	echo "processes were competing for the CPU and the figures are lower than the app can do on an idle machine."
	echo "CPU ms/request: CPU time of the serving process (the app; nginx and its workers; the Tomcat ceiling) during"
	echo "the measured run, divided by the requests answered. It depends far less on other processes than requests/s:"
	echo "$(nproc) cores give $(($(nproc) * 1000)) CPU ms per second, so $(($(nproc) * 1000)) / (CPU ms/request) bounds requests/s even on an idle machine."
	echo
	echo "Heap: app alive at the end: $ALIVE; OutOfMemoryError in the log: $OOM; largest heap before a GC: ${PEAK:-?} MB (gc.log)."
	for note in "${NOTES[@]}"; do echo; echo "$note"; done
	echo
	echo "Raw outputs beside this file: lesson.txt, lesson-nginx.txt and lesson-tomcat.txt (or standin-N), quiz.txt, report.txt"
	echo "(and *.warmup.txt), burst.txt, seed.txt, quiz-count.txt, app.log, gc.log; the served page(s) as *.html."
} >"$OUT/results.md"
say "Results ($OUT/results.md)"
cat "$OUT/results.md"
