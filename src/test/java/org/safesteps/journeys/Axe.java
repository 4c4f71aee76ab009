package org.safesteps.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * every journey that scans a page. The engine is read once per JVM and handed to Chromium, which
 * evaluates it in every page the browser opens from then on, so a scan sends no script. axe runs
 * in the page itself (the binding's "legacy mode": the pages have no frames, and the default of
 * running in each frame and merging the results in a second window adds time and nothing else),
 * and only violations carry their nodes back (passed rules are counted, not detailed).
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	static final String VERSION = System.getProperty("axe.version");

	private static String script;

	/** Browsers that load axe-core into every page already (a browser serves several test classes). */
	private static final Set<WebDriver> LOADING = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

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

	/** Has the browser load axe-core into every page it opens from now on. */
	static Axe inEveryPage(WebDriver driver) {
		if (LOADING.add(driver)) {
			((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script()));
		}
		return new Axe();
	}

	/**
	 * Runs axe-core on the page the browser shows. A page opened before {@link #inEveryPage} (or in
	 * another browser) gets the script now.
	 */
	Results run(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
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
