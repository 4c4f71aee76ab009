package org.safesteps.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.safesteps.support.Http;

/**
 * The packaged app ({@code target/safesteps-*.jar}, built by {@code package} before failsafe runs)
 * started as a separate process on a data folder, as the README's command starts it, so that a
 * test can kill it with SIGKILL and start it again on the same folder.
 */
final class AppProcess {

	static final String ADMIN_EMAIL = "crash-admin@school.example";

	static final String ADMIN_PASSWORD = "a long crash test admin passphrase";

	private final Process process;

	private final int port;

	private final int databasePort;

	private AppProcess(Process process, int port, int databasePort) {
		this.process = process;
		this.port = port;
		this.databasePort = databasePort;
	}

	/**
	 * The jar under test: {@code -Dsafesteps.jar=...} names another build (an older version, to
	 * measure what it loses), else the one {@code package} just built.
	 */
	static Path jar() {
		String named = System.getProperty("safesteps.jar");
		if (named != null && !named.isBlank()) {
			return Path.of(named);
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("safesteps-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/safesteps-*.jar: run the package phase first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the app on {@code dataDir} and returns once it is ready to serve. */
	static AppProcess start(Path jar, Path dataDir, Path log, List<String> extraArguments) {
		int port = freePort();
		int databasePort = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// four starts a run: the client compiler alone and the serial collector start it with less
				// CPU than the default compilers and G1 (docs/testing.md, "Third pass"); what is killed and
				// checked is the same app and data folder
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port,
				"--safesteps.storage.embedded-port=" + databasePort, "--safesteps.rate-limits.enabled=false",
				// a shared, busy test machine: a slow start must not read as a database outage
				"--safesteps.storage.timeout=10s",
				"--logging.level.root=WARN"));
		command.addAll(extraArguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("SAFESTEPS_DATA_DIR", dataDir.toString());
		builder.environment().put("SAFESTEPS_ADMIN_EMAIL", ADMIN_EMAIL);
		builder.environment().put("SAFESTEPS_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().remove("MONGODB_URI");
		try {
			AppProcess app = new AppProcess(builder.start(), port, databasePort);
			// minutes only on a machine shared by many builds; seconds on an idle one
			app.awaitReady(Duration.ofMinutes(5));
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	String databaseUri() {
		return "mongodb://127.0.0.1:" + this.databasePort + "/safesteps";
	}

	/** SIGKILL: no shutdown hook, no graceful close, as an out-of-memory kill or a power cut. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the killed app did not exit");
		}
	}

	/** SIGTERM, the graceful stop. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private void awaitReady(Duration limit) {
		Http http = new Http(this.port);
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the app exited with " + this.process.exitValue() + " while starting");
			}
			try {
				HttpResponse<String> ready = http.get("/actuator/health/readiness");
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			// a refused connection costs nothing: look again soon (a start is waited for four times a run)
			sleep(50);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("the app was not ready within " + limit);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
