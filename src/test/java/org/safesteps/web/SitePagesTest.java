package org.safesteps.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitePagesTest {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Autowired
	FilterChainProxy securityChain;

	@Test
	void theSecurityChainChecksRequestsWithTheSitesFirewall() {
		// session/Firewall: the default rules without regular expressions (FirewallTest); the bean
		// wraps the FilterChainProxy that WebSecurity built
		Object built = ReflectionTestUtils.getField(this.securityChain, "springSecurityFilterChain");
		assertThat(ReflectionTestUtils.getField(built, "firewall")).isInstanceOf(StrictHttpFirewall.class)
			.extracting("allowedHeaderNames")
			.isNotSameAs(StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	@Test
	void homeOffersTheThreeDoorsWithQuickExitAndHelpBar() {
		HttpResponse<String> home = this.http.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("I am a student", "I am a parent or carer", "I am a teacher")
			.contains("data-quick-exit", "Leave this page")
			.contains("Need help now?")
			.contains("<html lang=\"en\" dir=\"ltr\">");
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		HttpResponse<String> home = this.http.get("/");
		assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.contains("script-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval"));
		assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(home.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
		assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void unknownPathGetsAThemedNotFoundPageWithoutInternals() {
		HttpResponse<String> missing = this.http.get("/no/such/page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("We cannot find that page", "class=\"theme-base\"", "Leave this page")
			.doesNotContain("Whitelabel", "Exception", "at org.");
	}

	@Test
	void notFoundUnderParentsUsesTheParentsTheme() {
		HttpResponse<String> missing = this.http.get("/parents/no-such-guide-anywhere");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("class=\"theme-parents\"", "/assets/parents/theme.css");
	}

	@Test
	void teacherPagesRedirectAnonymousVisitorsToSignIn() {
		HttpResponse<String> teacher = this.http.get("/teacher");
		assertThat(teacher.statusCode()).isEqualTo(302);
		assertThat(teacher.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void actuatorShowsOnlyHealth() {
		HttpResponse<String> env = this.http.get("/actuator/env");
		assertThat(env.statusCode()).isNotEqualTo(200);
		assertThat(env.body()).doesNotContain("propertySources");
	}

	@Test
	void helpBarLinksToTheCountryOfTheBrowserLanguage() {
		HttpResponse<String> home = this.http.get("/", "Accept-Language", "en-AU,en;q=0.8");
		assertThat(home.body()).contains("href=\"/help?country=AU\"");
	}

	@Test
	void themeStylesheetsAreServed() {
		assertThat(this.http.get("/assets/base/site.css").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/assets/ages-5-7/theme.css").body()).contains("--font-size-base");
		assertThat(this.http.get("/assets/base/safesteps.js").body()).contains("location.replace");
	}

}
