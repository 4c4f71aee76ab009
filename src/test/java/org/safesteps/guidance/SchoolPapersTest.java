package org.safesteps.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.safesteps.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolPapersTest {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es", "ar" })
	void theFullPrivacyNoticeLinksToTheThreePapersInEveryLanguage(String language) {
		String page = this.http.get("/privacy/full?lang=" + language).body();
		assertThat(page).contains("href=\"/papers/dpia\"", "href=\"/papers/retention\"", "href=\"/papers/accessibility\"");
	}

	@Test
	void theDpiaIsAPageWithItsTablesAndItsLinkToTheRetentionSchedule() {
		HttpResponse<String> response = this.http.get("/papers/dpia");
		assertThat(response.statusCode()).isEqualTo(200);
		String page = response.body();
		assertThat(page).contains("<title>Data protection impact assessment: SafeSteps", "<h1",
				"The UK Age Appropriate Design Code: the 15 standards", "<table>", "<th>collection</th>",
				"href=\"/papers/retention\"", "href=\"/privacy/full\"");
		assertThat(page).doesNotContain("href=\"retention.md\"", "href=\"../");
		// other sites' addresses are links that open apart, and are never fetched by the page itself
		assertThat(page).contains("class=\"external\"").doesNotContain("<script src=\"http", "<link href=\"http");
		assertThat(page.split("<h1", -1)).hasSize(2);
	}

	@Test
	void theRetentionScheduleNamesTheSettingBehindEachPeriod() {
		String page = this.http.get("/papers/retention").body();
		assertThat(page).contains("<h1", "Retention schedule", "safesteps.retention.learner-idle",
				"safesteps.sessions.timeout", "safesteps.rate-limits.*", "href=\"/papers/dpia\"");
	}

	@Test
	void theConformanceReportIsAPageWithBothCriteriaTables() {
		String page = this.http.get("/papers/accessibility").body();
		assertThat(page).contains("SafeSteps Accessibility Conformance Report", "Table 1: Success Criteria, Level A",
				"Table 2: Success Criteria, Level AA", "1.4.3 Contrast (Minimum) (Level AA)");
	}

	@Test
	void inAnotherLanguageAPaperSaysItIsInEnglishAndMarksItsLanguage() {
		String page = this.http.get("/papers/dpia?lang=es").body();
		assertThat(page).contains("language-fallback", "class=\"paper prose\" lang=\"en\" dir=\"ltr\"");
		assertThat(this.http.get("/papers/dpia?lang=en").body()).doesNotContain("language-fallback");
	}

	@Test
	void anUnknownPaperIsAThemedNotFound() {
		HttpResponse<String> missing = this.http.get("/papers/passwords");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("We cannot find that page");
	}

	/** The schedule states the defaults the application ships with, so a changed default shows here. */
	@ParameterizedTest
	@ValueSource(strings = { "safesteps.retention.learner-idle", "safesteps.retention.check-every",
			"safesteps.sessions.timeout", "safesteps.sessions.cleanup-every", "safesteps.sessions.touch-every" })
	void theRetentionScheduleStatesTheShippedDefault(String setting) throws IOException {
		Properties shipped = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			shipped.load(in);
		}
		String schedule = Files.readString(Path.of("docs", "privacy", "retention.md"));
		assertThat(shipped.getProperty(setting)).isNotBlank();
		assertThat(schedule).contains("`" + setting + "` (`" + shipped.getProperty(setting) + "`)");
	}

}
