package org.safesteps.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.2 AA checks with the axe-core of the pom's {@code axe-core.version} (fetched by npm into
 * target/axe before the browser tests; not the older copy bundled in the Selenium binding), for
 * every journey that scans a page. The engine is read once per JVM and handed to Chromium once,
 * wrapped in a function that every page the browser opens from then on defines and only a scan
 * calls: a scan sends no script (through chromedriver the 654 KB cost more than evaluating them),
 * and a page that is not scanned (a sign-in, a join, a step between two states) only reads the
 * wrapper instead of evaluating axe-core (docs/testing.md, fifth pass). axe runs
 * in the page itself (the binding's "legacy mode": the pages have no frames, and the default of
 * running in each frame and merging the results in a second window adds time and nothing else),
 * and only violations carry their nodes back (passed rules are counted, not detailed).
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	static final String VERSION = System.getProperty("axe.version");

	private static String script;

	private final AxeBuilder builder;

	private Axe() {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(only);
		options.setResultTypes(List.of("violations"));
		this.builder = new AxeBuilder().withOptions(options).setLegacyMode(true);
		// the page already has axe (below); the binding would otherwise send the whole script each time
		this.builder.setInjectAxe((driver) -> {
		}, false);
	}

	/** The function that loads axe-core into the page, defined in every page (not called there). */
	private static final String LOADER = "safestepsLoadAxe";

	/** Has the browser ready axe-core in every page it opens from now on, to be loaded by a scan. */
	static Axe inEveryPage(WebDriver driver) {
		((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "window." + LOADER + " = function () {\n" + script() + "\n};"));
		return new Axe();
	}

	/**
	 * Runs axe-core on the page the browser shows, loading it there first. A page opened before
	 * {@link #inEveryPage} (or in another browser) gets the whole script sent now.
	 */
	Results run(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		String load = "if (typeof window.axe === 'object') { return true; }" + " if (typeof window." + LOADER
				+ " === 'function') { window." + LOADER + "(); } return typeof window.axe === 'object';";
		if (!Boolean.TRUE.equals(js.executeScript(load))) {
			js.executeScript(script());
		}
		Results results = this.builder.analyze(driver);
		if (results.isErrored()) {
			throw new IllegalStateException(driver.getCurrentUrl() + ": axe-core failed: " + results.getErrorMessage());
		}
		assertThat(results.getTestEngine().getVersion()).as("the axe-core that ran on %s", driver.getCurrentUrl())
			.isEqualTo(VERSION);
		return results;
	}

	/** The violations on the page the browser shows: rule id and the first elements at fault. */
	List<String> violations(WebDriver driver) {
		return run(driver).getViolations()
			.stream()
			.map((rule) -> rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(3).toList())
			.toList();
	}

	private static synchronized String script() {
		if (script == null) {
			String file = System.getProperty("axe.script");
			if (file == null || VERSION == null) {
				throw new IllegalStateException("axe-core not found: run the browser tests through Maven (mvn verify)");
			}
			try {
				script = Files.readString(Path.of(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("axe-core not found: run the browser tests through Maven (mvn verify)", ex);
			}
			assertThat(script.lines().findFirst()).as("the axe-core of the pom's axe-core.version")
				.hasValue("/*! axe v" + VERSION);
		}
		return script;
	}

}
