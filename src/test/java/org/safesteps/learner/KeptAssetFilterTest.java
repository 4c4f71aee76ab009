package org.safesteps.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.catalina.Pipeline;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * A kept asset gets the bytes and headers the full chain and the resource handler wrote for the same
 * address, over HTTP and HTTPS, answered by the valve before the servlet filters; every request whose
 * answer could differ still goes through the full chain. As the packaged app serves assets (no themes
 * folder beside it), the same settings as PackagedAssetsTest, so both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.themes.dir=target/no-themes-folder")
class KeptAssetFilterTest {

	private static final List<String> ASSETS = List.of("/assets/base/site.css", "/assets/base/safesteps.js",
			"/assets/base/favicon.svg", "/assets/base/fonts/opendyslexic-latin-400-normal.woff2",
			"/assets/ages-8-10/theme.css");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	KeptAssetFilter filter;

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void aKeptAssetGetsTheBytesAndHeadersOfTheFullChainBeforeTheFilters() throws Exception {
		Pipeline pipeline = KeptStepValvePipelineTest.applicationPipeline(this.context);
		KeptStepValvePipelineTest.Counting counting = new KeptStepValvePipelineTest.Counting();
		pipeline.addValve(counting);
		try {
			for (String proto : List.of("http", "https")) {
				for (String asset : ASSETS) {
					// a learner's browser after joining: the CSRF token's and the learner's cookies
					HttpResponse<byte[]> full = get(asset, "X-Forwarded-Proto", proto, "Cookie",
							"safesteps_csrf=t1; " + LearnerCookie.NAME + "=x1");
					int reachedFilters = counting.requests.get();
					long served = this.filter.served();

					HttpResponse<byte[]> kept = get(asset, "X-Forwarded-Proto", proto);

					assertThat(this.filter.served()).as(asset + " answered from the kept response").isEqualTo(served + 1);
					assertThat(counting.requests.get()).as(asset + " without reaching the filters").isEqualTo(reachedFilters);
					assertThat(kept.statusCode()).isEqualTo(200);
					assertThat(kept.body()).as(asset).isEqualTo(full.body()).isNotEmpty();
					assertThat(headers(kept)).as(asset + " over " + proto).isEqualTo(headers(full));
					assertThat(headers(kept).containsKey("strict-transport-security")).as("HSTS over HTTPS only")
						.isEqualTo(proto.equals("https"));
				}
			}
		}
		finally {
			pipeline.removeValve(counting);
		}
	}

	@Test
	void everyRequestWhoseAnswerCouldDifferGoesThroughTheFullChain() throws Exception {
		String asset = "/assets/base/site.css";
		get(asset);
		get(asset);
		long served = this.filter.served();
		Map<String, String[]> others = Map.of(
				"a query", new String[] { "?v=2" },
				"a range", new String[] { "", "Range", "bytes=0-9" },
				"a condition", new String[] { "", "If-Modified-Since", "Sat, 05 Dec 2026 10:00:00 GMT" },
				"a teacher's session", new String[] { "", "Cookie", "SESSION=abc" },
				"a learning platform's frame", new String[] { "", "Cookie", "safesteps_lti=abc" },
				"a cookie twice", new String[] { "", "Cookie", "safesteps_csrf=a; safesteps_csrf=b" },
				"credentials", new String[] { "", "Authorization", "Basic dTpw" });
		for (Map.Entry<String, String[]> other : others.entrySet()) {
			String[] request = other.getValue();
			String[] headers = java.util.Arrays.copyOfRange(request, 1, request.length);
			HttpResponse<byte[]> response = get(asset + request[0], headers);
			assertThat(response.statusCode()).as(other.getKey()).isIn(200, 206);
			assertThat(this.filter.served()).as(other.getKey() + ": not from the kept response").isEqualTo(served);
		}
		HttpResponse<byte[]> range = get(asset, "Range", "bytes=0-9");
		assertThat(range.statusCode()).as("the resource handler answers a range as before").isEqualTo(206);
		assertThat(range.body()).hasSize(10);
		HttpResponse<Void> head = this.client.send(HttpRequest.newBuilder(uri(asset))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(get("/assets/base/no-such-file.css").statusCode()).isEqualTo(404);
		assertThat(get("/assets/base/no-such-file.css").statusCode()).as("a missing file is never kept").isEqualTo(404);
		assertThat(this.filter.served()).isEqualTo(served);
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** Every header but the date, by lower-case name. */
	private static Map<String, List<String>> headers(HttpResponse<?> response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.remove("date");
		return headers;
	}

}
