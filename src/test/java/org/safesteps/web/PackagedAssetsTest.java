package org.safesteps.web;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.safesteps.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assets as the packaged app serves them (no themes folder beside it, so they come from the jar's
 * classpath): cached by browsers for an hour, looked up once, no Last-Modified check per request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.themes.dir=target/no-themes-folder")
class PackagedAssetsTest {

	@LocalServerPort
	int port;

	@Test
	void assetsComeFromTheClasspathWithAnHourOfBrowserCache() {
		Http http = new Http(this.port);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> css = http.get("/assets/base/site.css");
			assertThat(css.statusCode()).isEqualTo(200);
			assertThat(css.body()).contains(".question-report");
			assertThat(css.headers().firstValue("Cache-Control")).contains("max-age=3600, public");
			assertThat(css.headers().firstValue("Last-Modified")).isEmpty();
			assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		}
		assertThat(http.get("/assets/ages-5-7/theme.css").body()).contains("--font-size-base");
		assertThat(http.get("/assets/base/no-such-file.css").statusCode()).isEqualTo(404);
		assertThat(http.get("/assets/base/../../application.properties").statusCode()).isIn(400, 404);
	}

	@Test
	void assetsCarryEverySecurityHeaderOfAPageButNoCookie() {
		Http http = new Http(this.port);
		HttpResponse<String> page = http.get("/join", "X-Forwarded-Proto", "https");
		for (String asset : List.of("/assets/base/site.css", "/assets/base/safesteps.js", "/assets/base/favicon.svg",
				"/assets/base/fonts/opendyslexic-latin-400-normal.woff2", "/assets/base/no-such-file.css")) {
			HttpResponse<String> response = http.get(asset, "X-Forwarded-Proto", "https");
			for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
					"Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security")) {
				assertThat(response.headers().allValues(header)).as(asset + " " + header)
					.isNotEmpty()
					.isEqualTo(page.headers().allValues(header));
			}
			assertThat(response.headers().allValues("Set-Cookie")).as(asset).isEmpty();
		}
	}

}
