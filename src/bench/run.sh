#!/usr/bin/env bash
# The SafeSteps load benchmark, one command from the project folder:  bash src/bench/run.sh
#
# Installs wrk and nginx if missing (Debian, as root or with sudo), builds the jar, starts it with
# -Xmx512m on a fresh temporary data folder (embedded database, file backend) with the rate limits
# on as in production, seeds 200 classes x 30 learners through the app's own pages, then measures:
# (1) a lesson step for learners, (2) quiz submissions (and counts them in the database), (4) the
# 9:00 burst (per learner, arrival to first lesson with its assets), and the same lesson HTML
# served by nginx and by a bare Tomcat as ceilings; then once whether one school address passes
# the limits. (3) The teacher's class report runs on a second app (fresh data folder, the
# curriculum plus copies of its modules so that a class can have 12) with 8 invited teachers and
# classes of 35 learners who completed 12 modules. Every scenario runs BENCH_RUNS times (default 3);
# results.md gives the median and the spread. Every simulated pupil and teacher sends its own
# address as X-Forwarded-For, as a reverse proxy passes it on. Results: target/bench/results.md and
# the raw outputs beside it. Everything listens on 127.0.0.1 and stops by itself; the app and nginx
# are killed on exit. Settings (environment variables) are listed in docs/performance.md.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH="$ROOT/src/bench"
OUT="$ROOT/target/bench"
# the command that produced the results, with the settings it was given
COMMAND="$({ env | grep -E '^BENCH_[A-Z_]+=' || true; } | sort | while IFS='=' read -r key value; do
	printf '%s=%q ' "$key" "$value"; done)bash src/bench/run.sh"

BUILD=${BENCH_BUILD:-1}
RUNS=${BENCH_RUNS:-3}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-10s}
THREADS=${BENCH_THREADS:-2}
APP_PORT=${BENCH_APP_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
TOMCAT_PORT=${BENCH_TOMCAT_PORT:-18082}
JETTY_PORT=${BENCH_JETTY_PORT:-18083}
CEILING=${BENCH_CEILING:-1}
MONGO_PORT=${BENCH_MONGO_PORT:-18017}
SCENARIOS=${BENCH_SCENARIOS:-lesson,quiz,report,burst,school}
LESSON_PATH=${BENCH_LESSON_PATH:-/learn/trusted-adults?step=2}
REPORT_PATH=${BENCH_REPORT_PATH:-/teacher/classes/{id}}
REPORT_TEACHERS=${BENCH_REPORT_TEACHERS:-8}
STANDIN_PAGES=${BENCH_STANDIN_PAGES:-/ /parents/sextortion /help?country=GB}
HEAP=${BENCH_HEAP:--Xmx512m}
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD="bench-$(date +%s)-$RANDOM-$RANDOM-long-enough"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a whole number of at least 1" >&2; exit 1; }
export BENCH_REPORT_TEACHERS="$REPORT_TEACHERS"

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

NOTES=()
# --- temporary folder, cleanup ------------------------------------------------------------------
WORK=$(mktemp -d)
APP_PID=""
NGINX_PID=""
CEILING_PID=""
cleanup() {
	if [[ -n "$CEILING_PID" ]]; then kill "$CEILING_PID" 2>/dev/null || true; wait "$CEILING_PID" 2>/dev/null || true; fi
	if [[ -n "$NGINX_PID" ]]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
	if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
	[[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$WORK"
	return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$OUT"
mkdir -p "$OUT/runs" "$WORK/data" "$WORK/report-data" "$WORK/seed" "$WORK/classes" "$WORK/lib" "$WORK/nginx/www" \
	"$WORK/nginx/tmp" "$WORK/ceiling/classes" "$WORK/ceiling/lib" "$WORK/ceiling/base"

# The Java driver uses the app's own MongoDB driver jars, taken from the packaged jar.
(cd "$WORK/lib" && jar xf "$ROOT/$JAR" $(jar tf "$ROOT/$JAR" | grep -E 'BOOT-INF/lib/(mongodb-driver-(sync|core)|bson)-[0-9]'))
CP=$(find "$WORK/lib" -name '*.jar' | tr '\n' ':')
javac -nowarn -d "$WORK/classes" -cp "$CP" "$BENCH/Bench.java"
bench() { java -cp "$WORK/classes:$CP" Bench "$@"; }
# The Tomcat ceiling: the app's own Tomcat jar with one servlet and nothing else (src/bench/Ceiling.java).
(cd "$WORK/ceiling/lib" && jar xf "$ROOT/$JAR" $(jar tf "$ROOT/$JAR" | grep -E 'BOOT-INF/lib/(tomcat-embed-core|jakarta.annotation-api)-[0-9]'))
CEILING_CP=$(find "$WORK/ceiling/lib" -name '*.jar' | tr '\n' ':')
javac -nowarn -d "$WORK/ceiling/classes" -cp "$CEILING_CP" "$BENCH/Ceiling.java"
# The Jetty ceiling: Jetty's servlet container at the version the app's Spring Boot manages
# (src/bench/JettyCeiling.java), fetched from Maven Central; skipped, with a note, if that fails.
JETTY=0
if [[ "$CEILING" == 1 ]] && wants lesson; then
	mkdir -p "$WORK/jetty/classes"
	BOOT_VERSION=$(sed -n '/<parent>/,/<\/parent>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml")
	cat >"$WORK/jetty/pom.xml" <<-POM
		<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
		<groupId>bench</groupId><artifactId>jetty-ceiling</artifactId><version>1</version>
		<dependencyManagement><dependencies><dependency><groupId>org.springframework.boot</groupId>
		<artifactId>spring-boot-dependencies</artifactId><version>$BOOT_VERSION</version><type>pom</type><scope>import</scope>
		</dependency></dependencies></dependencyManagement>
		<dependencies><dependency><groupId>org.eclipse.jetty.ee11</groupId><artifactId>jetty-ee11-servlet</artifactId></dependency>
		<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId></dependency></dependencies></project>
	POM
	if "$ROOT/mvnw" -q -f "$WORK/jetty/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/jetty/lib" \
			>"$OUT/jetty-fetch.log" 2>&1; then
		JETTY_CP=$(find "$WORK/jetty/lib" -name '*.jar' | tr '\n' ':')
		javac -nowarn -d "$WORK/jetty/classes" -cp "$JETTY_CP" "$BENCH/JettyCeiling.java" && JETTY=1
	fi
	[[ "$JETTY" == 1 ]] || NOTES+=("The Jetty ceiling was not run: its jars could not be fetched or compiled ($OUT/jetty-fetch.log).")
fi

# --- the app ------------------------------------------------------------------------------------
BASE="http://127.0.0.1:$APP_PORT"
# $1 log name (app, report-app), $2 data folder, rest: extra arguments. The rate limits stay as
# application.properties sets them (on): the simulated clients send their own addresses instead.
start_app() {
	local name=$1 data=$2
	shift 2
	say "Starting $JAR ($HEAP, embedded database in a fresh temporary folder, rate limits on): $name"
	local jfr=()
	[[ "${BENCH_JFR:-0}" == 1 ]] && jfr=("-XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile" "-XX:FlightRecorderOptions:stackdepth=256")
	# Started from the temporary folder, not the project folder: there, the app would read themes/
	# and content/ from the folders (live editing, templates re-read every 2 s) instead of the jar.
	(cd "$WORK" && SAFESTEPS_DATA_DIR="$data" SAFESTEPS_ADMIN_EMAIL="$ADMIN_EMAIL" \
		SAFESTEPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" PORT="$APP_PORT" MONGODB_URI="" \
		exec java "$HEAP" "-Xlog:gc:file=$OUT/$name-gc.log" "${jfr[@]}" -jar "$ROOT/$JAR" \
		--safesteps.storage.embedded-port="$MONGO_PORT" --server.address=127.0.0.1 "$@" \
		${BENCH_APP_ARGS:-}) >"$OUT/$name.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 180); do
		curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null && break
		kill -0 "$APP_PID" 2>/dev/null || { echo "The app stopped; see $OUT/$name.log" >&2; exit 1; }
		sleep 1
	done
	curl -fsS -o /dev/null "$BASE/actuator/health" || { echo "The app did not become healthy in 180 s" >&2; exit 1; }
	# Let the first-admin listener finish (it runs on ApplicationReadyEvent, right around health).
	for _ in $(seq 1 30); do grep -q "Created the first admin" "$OUT/$name.log" && break; sleep 1; done
}
HEAP_NOTES=()
# $1 log name: records whether the app survived, then stops it.
stop_app() {
	local name=$1 alive="yes" oom peak unavailable
	kill -0 "$APP_PID" 2>/dev/null || alive="NO"
	oom=$(grep -c OutOfMemoryError "$OUT/$name.log" || true)
	peak=$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/$name-gc.log" | cut -dM -f1 | sort -n | tail -1 || true)
	unavailable=$(grep -c "Rate limits unavailable" "$OUT/$name.log" || true)
	HEAP_NOTES+=("$name: alive at the end: $alive; OutOfMemoryError in the log: $oom; largest heap before a GC: ${peak:-?} MB ($name-gc.log); requests whose rate-limit check gave up (bucket store over its 250 ms budget; every request then passes unchecked for 5 s, so the limits' cost is understated): $unavailable.")
	kill "$APP_PID" 2>/dev/null || true
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=""
}

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
RUN=1
# $1 scenario id, $2 connections, $3 lua script, $4 url, rest: VAR=value for the script.
# Runs a warm-up (not reported) and the measured run, writes <id>.r<run>.txt, appends the BENCH
# line with the load and CPU ms/request to runs/<id>.tsv, and prints it.
wrk_run() {
	local id=$1 connections=$2 script=$3 url=$4
	shift 4
	local name="$id.r$RUN" threads=$THREADS
	((connections < threads)) && threads=$connections
	# BENCH_RUN numbers the wrk runs (warm-up and measured, every round): quiz.lua makes its
	# submission ids from it, so no round repeats another round's ids
	if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
		env "$@" BENCH_NAME="$name" BENCH_LUA="$BENCH" BENCH_THREADS="$threads" BENCH_RUN=$((2 * RUN - 1)) \
			wrk -t"$threads" -c"$connections" -d"$WARMUP" --timeout 5s --latency -s "$BENCH/$script" "$url" \
			>"$OUT/$name.warmup.txt"
	fi
	local load cpu_before
	load=$(cut -d' ' -f1 /proc/loadavg)
	cpu_before=$(cpu_ms ${CPU_OF:-$APP_PID})
	# the client's own CPU time (user and system, seconds) as bash's time keyword reports it: wrk shares
	# the cores with the server it measures, so a costlier request costs both
	local TIMEFORMAT='%3U %3S'
	{ time env "$@" BENCH_NAME="$name" BENCH_LUA="$BENCH" BENCH_THREADS="$threads" BENCH_RUN=$((2 * RUN)) \
		wrk -t"$threads" -c"$connections" -d"$DURATION" --timeout 5s --latency -s "$BENCH/$script" "$url" \
		>"$OUT/$name.txt" 2>"$OUT/$name.stderr" ; } 2>"$WORK/client.time"
	[[ -s "$OUT/$name.stderr" ]] || rm -f "$OUT/$name.stderr"
	local line client
	line=$(grep '^BENCH' "$OUT/$name.txt")
	client=$(awk '{ print ($1 + $2) * 1000 }' "$WORK/client.time")
	line=$(printf '%s\t%s\t%s\t%s' "$line" "$load" "$(per_request "$cpu_before" "$(cpu_ms ${CPU_OF:-$APP_PID})" "$line")" \
		"$(per_request 0 "$client" "$line")")
	printf '%s\n' "$line" >>"$OUT/runs/$id.tsv"
	printf '%s\n' "$line"
}
# $1 CPU ms before, $2 after, $3 BENCH line: CPU ms per request answered
per_request() {
	awk -v a="$1" -v b="$2" -v n="$(cut -f8 <<<"$3")" 'BEGIN { if (n > 0) printf "%.3f", (b - a) / n; else print "-" }'
}
field() { cut -f"$2" <<<"$1"; }
good_of() { grep -h '^BENCH' "$@" | awk -F'\t' '{ sum += $9 } END { print sum + 0 }'; }
# $1 ours, $2 theirs (BENCH lines): requests/s of ours as a percentage of theirs
percent_of() {
	awk -v a="$(field "$1" 3)" -v b="$(field "$2" 3)" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }'
}
# The ratio of each run, one number a line, for the summary: runs/<id>.ratio
ratio_to() { printf '%s\n' "$2" >>"$OUT/runs/$1.ratio"; }

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
stop_nginx() {
	[[ -n "$NGINX_PID" ]] || return 0
	kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true
	NGINX_PID=""
}

# Rows of the results table, in order: "id<TAB>label<TAB>connections<TAB>ratio kind" where ratio
# kind is "nginx" (runs/<id>.ratio holds percentages of nginx), "self" (nginx's own row) or "-".
ROW_IDS=()
add_row() {
	local entry
	entry=$(printf '%s\t%s\t%s\t%s' "$1" "$2" "$3" "$4")
	for existing in "${ROW_IDS[@]}"; do [[ "$existing" == "$entry" ]] && return 0; done
	ROW_IDS+=("$entry")
}

# $1 short id (file names), $2 label, $3 path on the app, $4 cookie header for the saved copy ("" for
# none), $5 page.lua cookies 0/1. Outputs: <id>.html (the page), <id>.r<run>.txt (app), <id>-nginx.r<run>.txt.
page_with_ceiling() {
	local id=$1 label=$2 path=$3 cookie=$4 cookies=$5
	local file="$id.html"
	bench fetch "$BASE$path" "$cookie" >"$WORK/nginx/www/$file"
	cp "$WORK/nginx/www/$file" "$OUT/$file"
	start_nginx
	say "$label: the app, 64 connections (round $RUN of $RUNS)"
	local ours theirs
	ours=$(wrk_run "$id" 64 page.lua "$BASE$path" BENCH_PATH="$path" BENCH_COOKIES="$cookies" \
		BENCH_LEARNERS="$WORK/seed/learners.tsv")
	echo "$ours"
	say "$label: nginx serving the same HTML ($(wc -c <"$WORK/nginx/www/$file") bytes), 64 connections"
	CPU_OF=$NGINX_PID
	# the same requests as the app's (cookies and addresses when it had them): nginx ignores them, but the
	# client, on the same cores, pays for them as it does for the app's
	theirs=$(wrk_run "$id-nginx" 64 page.lua "http://127.0.0.1:$NGINX_PORT/$file" BENCH_PATH="/$file" \
		BENCH_COOKIES="$cookies" BENCH_LEARNERS="$WORK/seed/learners.tsv")
	CPU_OF=""
	echo "$theirs"
	ratio_to "$id" "$(percent_of "$ours" "$theirs")"
	add_row "$id" "$label" 64 nginx
	add_row "$id-nginx" "nginx, same HTML as above" 64 self
	[[ "$CEILING" == 1 ]] || return 0
	# The servlet container alone (no Spring, filters, session, database or template), same bytes:
	# how much of the gap to nginx any Tomcat application pays before its own code runs.
	servlet_ceiling "$id" tomcat "$label" "$file" "$cookies" "$theirs" "Tomcat" "$TOMCAT_PORT" \
		java -Xmx128m -cp "$WORK/ceiling/classes:$CEILING_CP" Ceiling "$TOMCAT_PORT" "$WORK/nginx/www/$file" "$WORK/ceiling/base"
	add_row "$id-tomcat" "Tomcat alone (one servlet, no Spring), same HTML" 64 nginx
	# And Jetty, the other servlet container Spring Boot 4 offers: would another container leave more room?
	[[ "$JETTY" == 1 ]] || return 0
	servlet_ceiling "$id" jetty "$label" "$file" "$cookies" "$theirs" "Jetty" "$JETTY_PORT" \
		java -Xmx128m -cp "$WORK/jetty/classes:$JETTY_CP" JettyCeiling "$JETTY_PORT" "$WORK/nginx/www/$file"
	add_row "$id-jetty" "Jetty alone (one servlet, no Spring), same HTML" 64 nginx
}

# $1 page id, $2 ceiling id (tomcat, jetty), $3 label, $4 file, $5 cookies 0/1, $6 nginx's BENCH line,
# $7 the container's name, $8 its port, rest: the command starting it. Sends it the app's requests.
servlet_ceiling() {
	local id=$1 kind=$2 label=$3 file=$4 cookies=$5 theirs=$6 name=$7 port=$8
	shift 8
	"$@" >>"$OUT/ceiling.log" 2>&1 &
	CEILING_PID=$!
	for _ in $(seq 1 100); do
		curl -fsS -o /dev/null "http://127.0.0.1:$port/$file" 2>/dev/null && break
		sleep 0.2
	done
	say "$label: $name alone, one servlet answering the same HTML, 64 connections"
	local line
	CPU_OF=$CEILING_PID
	line=$(wrk_run "$id-$kind" 64 page.lua "http://127.0.0.1:$port/$file" BENCH_PATH="/$file" \
		BENCH_COOKIES="$cookies" BENCH_LEARNERS="$WORK/seed/learners.tsv")
	CPU_OF=""
	echo "$line"
	kill "$CEILING_PID" 2>/dev/null || true; wait "$CEILING_PID" 2>/dev/null || true
	CEILING_PID=""
	ratio_to "$id-$kind" "$(percent_of "$line" "$theirs")"
}

SEED_SECONDS="-"
SEEDED=0
CLASSES=0
MAIN_APP=0
if wants lesson || wants quiz || wants burst || wants school; then
	MAIN_APP=1
	start_app app "$WORK/data"
	# --- seed -------------------------------------------------------------------------------------
	say "Seeding through the app's pages"
	SEED_START=$(date +%s)
	SAFESTEPS_ADMIN_EMAIL="$ADMIN_EMAIL" SAFESTEPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" bench seed "$BASE" "$WORK/seed" \
		| tee "$OUT/seed.txt"
	SEED_SECONDS=$(($(date +%s) - SEED_START))
	case "$(cat "$WORK/seed/seed.status" 2>/dev/null)" in
		seeded) SEEDED=1; CLASSES=1 ;;
		no-learner-pages) CLASSES=1 ;;
	esac
	NOTES+=("$(cat "$WORK/seed/seed.retries") (seeding took $SEED_SECONDS s).")

	for RUN in $(seq 1 "$RUNS"); do
		# --- (1) lesson step, and the nginx ceiling ---------------------------------------------
		if wants lesson; then
			if [[ "$SEEDED" == 1 ]]; then
				first=$(head -1 "$WORK/seed/learners.tsv")
				page_with_ceiling lesson "Lesson step $LESSON_PATH (learner cookie and address, one learner per request)" \
					"${LESSON_PATH//\{module\}/$(cut -f4 <<<"$first")}" "safesteps_learner=$(cut -f1 <<<"$first")" 1
			else
				[[ "$RUN" == 1 ]] && NOTES+=("Scenario 1 ran on stand-in pages: no learners could be seeded on this build (see seed.txt).")
				n=0
				for page in $STANDIN_PAGES; do
					n=$((n + 1))
					page_with_ceiling "standin-$n" "Stand-in page $page (no cookie)" "$page" "" 0
				done
			fi
		fi
		stop_nginx

		# --- (2) quiz submissions ---------------------------------------------------------------
		if wants quiz; then
			if [[ "$SEEDED" == 1 ]]; then
				say "Quiz submissions, 64 connections (round $RUN of $RUNS)"
				before=$(bench count "$MONGO_PORT" attempts 2>>"$OUT/bench-java.log")
				line=$(wrk_run quiz 64 quiz.lua "$BASE" BENCH_LEARNERS="$WORK/seed/learners.tsv")
				echo "$line"
				sleep 2 # the server finishes the requests that were in flight when wrk stopped
				after=$(bench count "$MONGO_PORT" attempts 2>>"$OUT/bench-java.log")
				acknowledged=$(good_of "$OUT"/quiz.r$RUN.txt $(ls "$OUT"/quiz.r$RUN.warmup.txt 2>/dev/null || true))
				stored=$((after - before))
				verdict="every acknowledged submission stored"
				((stored < acknowledged)) && verdict="MISSING $((acknowledged - stored)) acknowledged submissions"
				add_row quiz "Quiz submission (POST, fresh submission id, learner's CSRF token and address)" 64 -
				NOTES+=("Quiz, round $RUN: $acknowledged submissions acknowledged (warm-up + measured run), $stored new attempts in the database: $verdict.")
				echo "round $RUN: acknowledged $acknowledged, stored $stored: $verdict" | tee -a "$OUT/quiz-count.txt"
			elif [[ "$RUN" == 1 ]]; then
				NOTES+=("Scenario 2 (quiz) not run: no learners seeded on this build.")
			fi
		fi

		# --- (4) 9:00 burst ---------------------------------------------------------------------
		if wants burst; then
			if [[ "$SEEDED" == 1 ]]; then
				say "9:00 burst: ${BENCH_BURST_LEARNERS:-6000} learners join and open their first lesson within ${BENCH_BURST_SECONDS:-60} s (round $RUN of $RUNS)"
				load=$(cut -d' ' -f1 /proc/loadavg)
				cpu_before=$(cpu_ms "$APP_PID")
				BENCH_RUN_NUMBER=$RUN bench burst "$BASE" "$WORK/seed/classes.tsv" "$OUT/burst.r$RUN.txt" >/dev/null
				cat "$OUT/burst.r$RUN.txt"
				burst=$(grep '^BENCH' "$OUT/burst.r$RUN.txt")
				printf '%s\t%s\t%s\n' "$burst" "$load" "$(per_request "$cpu_before" "$(cpu_ms "$APP_PID")" "$burst")" \
					>>"$OUT/runs/burst.tsv"
				add_row burst "9:00 burst, per learner: arrival to first lesson with its CSS, JS and icon$([[ "${BENCH_BURST_FONTS:-none}" == all ]] && echo " and every font") (open loop; requests/s and CPU: every request)" "${BENCH_BURST_THREADS:-256} max" -
				NOTES+=("Burst, round $RUN: $(head -1 "$OUT/burst.r$RUN.txt")")
				NOTES+=("Burst, round $RUN: $(sed -n 3p "$OUT/burst.r$RUN.txt")")
				NOTES+=("Burst, round $RUN: $(grep '^load generator' "$OUT/burst.r$RUN.txt")")
			elif [[ "$RUN" == 1 ]]; then
				NOTES+=("Scenario 4 (9:00 burst) not run: no classes to join on this build.")
			fi
		fi
	done

	# --- honest traffic from one school address (once, not timed) -------------------------------
	if wants school && [[ "$SEEDED" == 1 ]]; then
		say "One school address: does honest traffic pass the limits?"
		gave_up=$(grep -c "Rate limits unavailable" "$OUT/app.log" || true)
		bench school "$BASE" "$WORK/seed/classes.tsv" "$OUT/school.txt" >/dev/null
		gave_up=$(($(grep -c "Rate limits unavailable" "$OUT/app.log" || true) - gave_up))
		# a check that gave up lets requests pass unchecked: then fewer refusals than the limits make
		((gave_up == 0)) || echo "School: during this check $gave_up rate-limit checks gave up (store too slow), so requests passed unchecked for 5 s each time: the refusals above are fewer than the limits make" >>"$OUT/school.txt"
		cat "$OUT/school.txt"
		while IFS= read -r school_line; do NOTES+=("$school_line"); done <"$OUT/school.txt"
	fi
	NOTES+=("Rate-limit buckets in the database at the end (none expected: on the embedded database the app keeps them in the process, limits/LocalBuckets; on a real MongoDB one per client address and limit in use, hashed): $(bench count "$MONGO_PORT" rate_limits 2>>"$OUT/bench-java.log").")
	stop_app app
fi

# --- (3) class report, on its own app -----------------------------------------------------------
if wants report; then
	# without the main app, nothing has said yet whether this build has teacher pages: try
	if [[ "$CLASSES" == 1 || "$MAIN_APP" == 0 ]]; then
		# The curriculum offers 3 to 7 modules per band; a class of the target's size has 12. The
		# report's app reads a copy of content/ in which every module also exists as <id>-copy (same
		# lessons and quizzes), so its reports have the shape of a 12-module class. The other
		# scenarios run on the curriculum as shipped.
		cp -r "$ROOT/content" "$WORK/report-content"
		for module in "$ROOT"/content/modules/*/; do
			id=$(basename "$module")
			cp -r "$module" "$WORK/report-content/modules/$id-copy"
			sed -i -e "s/^id: .*/id: $id-copy/" "$WORK/report-content/modules/$id-copy/module.yml"
		done
		start_app report-app "$WORK/report-data" --safesteps.content.dir="$WORK/report-content"
		say "Seeding the class report: ${REPORT_TEACHERS} teachers, ${BENCH_REPORT_CLASSES_PER_TEACHER:-2} classes each, ${BENCH_REPORT_LEARNERS:-35} learners x ${BENCH_REPORT_MODULES:-12} modules"
		SAFESTEPS_ADMIN_EMAIL="$ADMIN_EMAIL" SAFESTEPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" bench report-seed "$BASE" "$WORK/seed" \
			| tee "$OUT/report-seed.txt"
		NOTES+=("$(cat "$WORK/seed/report.retries").")
		for RUN in $(seq 1 "$RUNS"); do
			say "Class report $REPORT_PATH, $REPORT_TEACHERS teachers at once (round $RUN of $RUNS)"
			line=$(wrk_run report "$REPORT_TEACHERS" report.lua "$BASE" BENCH_PATH="$REPORT_PATH" \
				BENCH_CLASSES="$WORK/seed/report.tsv")
			echo "$line"
		done
		add_row report "Class report $REPORT_PATH ($REPORT_TEACHERS signed-in teachers, each opening their own classes of ${BENCH_REPORT_LEARNERS:-35} learners x ${BENCH_REPORT_MODULES:-12} completed modules)" "$REPORT_TEACHERS" -
		stop_app report-app
	else
		NOTES+=("Scenario 3 (class report) not run: the teacher pages are not in this build.")
	fi
fi

# --- report -------------------------------------------------------------------------------------
# One table row from runs/<id>.tsv: each column's median over the runs with the spread (min-max).
# BENCH line columns: 3 requests/s, 4-6 p50/p95/p99, 7 errors, 8 requests, 9 good, 10 refused,
# 11 load, 12 CPU ms/request (the server), 13 the client's (wrk's) CPU ms/request.
summary_row() {
	local id=$1 label=$2 connections=$3 kind=$4 ratios=""
	[[ -f "$OUT/runs/$id.ratio" ]] && ratios=$(tr '\n' ' ' <"$OUT/runs/$id.ratio")
	awk -F'\t' -v label="$label" -v conns="$connections" -v kind="$kind" -v ratios="$ratios" '
		function sorted(values, n, out,   i, j, t) {
			for (i = 1; i <= n; i++) out[i] = values[i]
			for (i = 2; i <= n; i++) for (j = i; j > 1 && out[j - 1] + 0 > out[j] + 0; j--) { t = out[j]; out[j] = out[j - 1]; out[j - 1] = t }
		}
		function cell(values, n, unit, digits,   s, median, f) {
			if (n == 0) return "-"
			sorted(values, n, s)
			median = (n % 2) ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
			f = "%." (digits == "" ? 2 : digits) "f"
			if (n == 1) return sprintf(f "%s", median, unit)
			return sprintf(f "%s (" f "-" f ")", median, unit, s[1], s[n])
		}
		{
			n++
			for (c = 3; c <= 6; c++) v[c, n] = $c
			cpu[n] = $12; load[n] = $11; client[n] = $13
			errors += $7; requests += $8; refused += $10
			if ($8 == 0) unanswered++
		}
		END {
			for (c = 3; c <= 6; c++) { for (i = 1; i <= n; i++) col[i] = v[c, i]; text[c] = cell(col, n, "") }
			m = 0; for (i = 1; i <= n; i++) if (cpu[i] != "-") cpuv[++m] = cpu[i]
			w = 0; for (i = 1; i <= n; i++) if (client[i] != "-" && client[i] != "") clientv[++w] = client[i]
			ratio = "-"
			if (kind == "self") ratio = "100%"
			if (kind == "nginx") { k = split(ratios, r, " "); ratio = cell(r, k, "%") " of nginx" }
			sorted(load, n, ls)
			err = errors ""
			if (unanswered > 0) err = err ", " unanswered " runs with no answer at all"
			printf "| %s | %s | %d | %s | %s | %s | %s | %s of %s | %d | %s | %s | %s | %s |\n", label, conns, n, text[3], text[4], text[5], text[6], err, requests, refused, ratio, cell(cpuv, m, "", 3), cell(clientv, w, "", 3), (n > 1) ? ls[1] "-" ls[n] : ls[1]
		}' "$OUT/runs/$id.tsv"
}
{
	echo "# SafeSteps load benchmark"
	echo
	echo "Command: \`$COMMAND\`"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), \
$(free -g | awk '/Mem:/ { print $2 }') GB RAM; $(java -version 2>&1 | head -1); app $HEAP on the embedded \
database (file backend), rate limits on (application.properties); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); \
wrk -t$THREADS, $DURATION per scenario after a $WARMUP warm-up, $RUNS round(s); seeding took ${SEED_SECONDS} s."
	echo
	if [[ "$RUNS" -gt 1 ]]; then
		echo "Each figure is the median of the $RUNS rounds, with the lowest and highest in brackets (each column's"
		echo "median on its own, so one row's medians may come from different rounds). Never quote the best round."
	else
		echo "One round: no median, no spread. Quote figures from a run with BENCH_RUNS=3 (the default)."
	fi
	echo
	echo "| scenario | connections | rounds | requests/s | p50 ms | p95 ms | p99 ms | errors of requests (all rounds) | refused by a limit (429) | ratio | CPU ms/request | client CPU ms/request | load |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for entry in "${ROW_IDS[@]}"; do
		IFS=$'\t' read -r id label connections kind <<<"$entry"
		summary_row "$id" "$label" "$connections" "$kind"
	done
	echo
	echo "The burst's p50/p95/p99 are per learner: from the learner's scheduled arrival until its first lesson and"
	echo "the assets the pages link have arrived (GET /join, POST /join, GET /learn, GET the lesson, and each page's"
	echo "stylesheets, script and icon not fetched before, as a browser with a cold cache; no font, as Chromium in every band's"
	echo "default theme, unless BENCH_BURST_FONTS=all); its requests/s and"
	echo "CPU ms/request count every request, pages and assets. Every simulated pupil and teacher has its own address"
	echo "(X-Forwarded-For from loopback, which the app trusts as its reverse proxy), so the limits count each apart."
	echo "The load column is the machine's 1-minute load average when a measured run started: above the core count,"
	echo "other processes were competing for the CPU and the figures are lower than the app can do on an idle machine."
	echo "CPU ms/request: CPU time of the serving process (the app; nginx and its workers; the Tomcat or Jetty ceiling) during"
	echo "the measured run, divided by the requests answered. It depends far less on other processes than requests/s:"
	echo "$(nproc) cores give $(($(nproc) * 1000)) CPU ms per second, so $(($(nproc) * 1000)) / (CPU ms/request) bounds requests/s even on an idle machine."
	echo "Client CPU ms/request: the same for wrk, which runs on the same cores. The lesson step's nginx and Tomcat rows"
	echo "are sent the same requests as the app (each learner's cookies and address, the same learner order), so the"
	echo "client costs the same per request in all three and the ratio compares the servers alone."
	echo
	for note in "${HEAP_NOTES[@]}"; do echo "Heap and limits, $note"; echo; done
	for note in "${NOTES[@]}"; do echo "$note"; echo; done
	echo "Raw outputs beside this file: <scenario>.r<round>.txt (and .warmup.txt) from wrk, lesson-nginx,"
	echo "lesson-tomcat and lesson-jetty (or standin-N), burst.r<round>.txt, runs/*.tsv (every round's line), seed.txt, report-seed.txt,"
	echo "school.txt, quiz-count.txt, app.log, report-app.log, the gc logs; the served page(s) as *.html."
} >"$OUT/results.md"
say "Results ($OUT/results.md)"
cat "$OUT/results.md"
