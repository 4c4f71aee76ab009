package org.safesteps.journeys;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser downloads when a child first joins a class and opens a lesson, as the server
 * sees it, with the themes served from the jar as in production (the folder's are never cached):
 * the load benchmark's 9:00 burst fetches the same set (src/bench/Bench.java, "Burst";
 * docs/performance.md). A browser downloads a web font only when a shown element uses it, so the
 * OpenDyslexic files come only with "easier-to-read letters" on.
 */
// the themes from the jar, as every journey has them (JourneyTest)
@Import(ChildsFirstVisitDownloadsIT.Recorder.class)
class ChildsFirstVisitDownloadsIT extends JourneyTest {

	/** The first lesson linked from /learn, found as the benchmark finds it. */
	private static final Pattern LESSON_LINK = Pattern.compile("href=\"/learn/([a-z0-9-]+)\"");

	@Autowired
	ClassStore classes;

	@Autowired
	Recorder recorder;

	/** The lesson the last visit opened. */
	String lessonPath;

	/** A browser window fetches the page's icon for its tab; the headless shell has no tabs and does not. */
	@Override
	String browser() {
		return Browser.CHROMIUM;
	}

	@ParameterizedTest
	@EnumSource(Band.class)
	void aFirstVisitDownloadsTheStylesheetsScriptAndIconButNoFont(Band band) {
		// each asset once: the packaged assets' caching headers keep them for the next pages
		assertThat(firstVisit(band, null)).containsExactlyInAnyOrder("/join", "/assets/base/site.css",
				"/assets/base/safesteps.js", "/assets/base/favicon.svg", "/join", "/learn",
				"/assets/" + band.id() + "/theme.css", this.lessonPath);
	}

	@ParameterizedTest
	@EnumSource(value = Band.class, names = { "AGES_5_7", "AGES_14_17" })
	void withEasierToReadLettersTheLessonDownloadsTheFontItShows(Band band) {
		assertThat(firstVisit(band, "dyslexia-font")).contains("/assets/base/fonts/opendyslexic-latin-400-normal.woff2",
				"/assets/base/fonts/opendyslexic-latin-700-normal.woff2");
	}

	/** Joins a new class of this band with an empty cache and opens the first lesson; the paths the server got. */
	private List<String> firstVisit(Band band, String displayOptions) {
		SchoolClass schoolClass = this.classes.create("First visit " + band.id(), band, "teacher-journey");
		((HasCdp) this.driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
		if (displayOptions != null) {
			open("/privacy");
			this.driver.manage().addCookie(new Cookie("safesteps_display", displayOptions));
		}
		this.recorder.paths.clear();
		ChildPages.join(this, schoolClass.joinCode());
		Matcher lesson = LESSON_LINK.matcher(this.driver.getPageSource());
		assertThat(lesson.find()).isTrue();
		this.lessonPath = "/learn/" + lesson.group(1);
		open(this.lessonPath);
		find(By.cssSelector(".lesson-step h2"));
		// the fonts a page shows are requested before document.fonts.ready settles
		((JavascriptExecutor) this.driver)
			.executeAsyncScript("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));");
		return List.copyOf(this.recorder.paths);
	}

	/**
	 * Every path the server is asked for, in order, recorded by the servlet container before anything
	 * of the application sees the request (kept lesson steps and assets are answered before the filters).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder {

		final List<String> paths = new CopyOnWriteArrayList<>();

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestRecorder() {
			return (factory) -> factory.addEngineValves(new ValveBase(true) {

				@Override
				public void invoke(Request request, Response response) throws IOException, ServletException {
					Recorder.this.paths.add(request.getRequestURI());
					getNext().invoke(request, response);
				}

			});
		}

	}

}
