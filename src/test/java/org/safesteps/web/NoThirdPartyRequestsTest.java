package org.safesteps.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.safesteps.content.Curriculum;
import org.safesteps.content.GuidePage;
import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy by default: no page makes the browser fetch anything from another host (no analytics,
 * fonts, CDNs or embeds). Links a reader may choose to follow are fine; resources are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoThirdPartyRequestsTest {

	private static final Pattern RESOURCE = Pattern.compile(
			"<(?:script|img|iframe|audio|video|source|embed|object)\\b[^>]*\\b(?:src|data)=\"([^\"]*)\""
					+ "|<link\\b[^>]*\\bhref=\"([^\"]*)\"" + "|url\\(([^)]*)\\)" + "|@import\\s+['\"]([^'\"]+)");

	@LocalServerPort
	int port;

	@Autowired
	Curriculum curriculum;

	@Test
	void noPageLoadsAnythingFromAnotherHost() {
		List<String> routes = new ArrayList<>(List.of("/", "/parents", "/help", "/help?country=GB", "/help?country=FR",
				"/privacy", "/privacy/full", "/login", "/no-such-page", "/assets/base/site.css", "/assets/ages-5-7/theme.css",
				"/assets/ages-8-10/theme.css", "/assets/ages-11-13/theme.css", "/assets/ages-14-17/theme.css",
				"/assets/parents/theme.css", "/assets/teachers/theme.css"));
		for (GuidePage guide : this.curriculum.guideList()) {
			routes.add("/parents/" + guide.id());
		}
		routes.addAll(List.of("/papers/dpia", "/papers/retention", "/papers/accessibility"));
		Http http = new Http(this.port);
		List<String> offenders = new ArrayList<>();
		for (String route : routes) {
			String body = http.get(route).body();
			Matcher resource = RESOURCE.matcher(body);
			while (resource.find()) {
				for (int group = 1; group <= 4; group++) {
					String url = resource.group(group);
					if (url != null && isOtherHost(url.strip().replace("'", "").replace("\"", ""))) {
						offenders.add(route + " loads " + url);
					}
				}
			}
		}
		assertThat(routes).hasSizeGreaterThan(20);
		assertThat(offenders).isEmpty();
	}

	private static boolean isOtherHost(String url) {
		if (url.startsWith("data:") || url.startsWith("#")) {
			return false;
		}
		URI uri = URI.create(url.replace(" ", "%20"));
		return uri.getHost() != null && !uri.getHost().equals("localhost") || url.startsWith("//");
	}

}
