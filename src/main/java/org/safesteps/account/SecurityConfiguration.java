package org.safesteps.account;

import java.time.Clock;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

import org.safesteps.session.Firewall;

/**
 * Who may open what, and the headers every response carries. Child and parent pages are public;
 * teacher pages need a signed-in teacher, admin pages an admin. CSRF protects every form. Only a
 * signed-in teacher has a session (see {@link SessionlessForms}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere: everything the pages need is served by the app. */
	static final String CONTENT_SECURITY_POLICY = FramingHeaders.policy("'none'");

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountStore accounts) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/admin/**").hasRole(Account.Role.ADMIN.name())
				.requestMatchers("/teacher/**").hasRole(Account.Role.TEACHER.name())
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").denyAll()
				.anyRequest().permitAll())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/teacher", false).permitAll()
				.failureHandler(SessionlessForms::signInFailed))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			// a platform posts these cross-site without our token: the single-use state and the
			// signed id_token are their protection (LTI 1.3, 1EdTech Security Framework 5.1.1)
			.csrf((csrf) -> csrf.csrfTokenRepository(SessionlessForms.csrfTokens())
				.ignoringRequestMatchers("/lti/login", "/lti/launch"))
			.requestCache((cache) -> cache.requestCache(new CookieRequestCache()))
			.addFilterAfter(new SessionlessForms.CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new AccountStatusFilter(accounts), AnonymousAuthenticationFilter.class)
			.headers(SecurityConfiguration::everyResponse);
		return http.build();
	}

	/** Spring Security's strict firewall with its default rules, checked without regular expressions. */
	@Bean
	WebSecurityCustomizer firewall() {
		return (web) -> web.httpFirewall(Firewall.strict());
	}

	/**
	 * Stylesheets, scripts, fonts and the icon: the same files for everyone, holding no form and
	 * open to all (as in the chain above), so they skip what only pages need: the session and
	 * security context, CSRF, sign-in, sign-out, the saved request and the account check. Spring
	 * Security's firewall and every header of a page stay (docs/performance.md, "The 9:00 burst's
	 * learner"): half of a first visit's requests are assets.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain assetsFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/assets/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.disable())
			.sessionManagement((sessions) -> sessions.disable())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.servletApi((api) -> api.disable())
			.headers(SecurityConfiguration::everyResponse);
		return http.build();
	}

	/**
	 * No security filter is timed: no metrics leave the app (application.properties turns the other
	 * observations off), yet wrapping each filter of each request in an observation took 2-5% of a
	 * burst learner's CPU (docs/performance.md, "The 9:00 burst's learner").
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** The headers of every response, pages and assets alike. */
	private static void everyResponse(HeadersConfigurer<HttpSecurity> headers) {
		headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frame) -> frame.disable())
			.addHeaderWriter(new FramingHeaders())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
	}

	/**
	 * Spring Security's request-cache cookie (the page to return to after sign-in) has no SameSite
	 * attribute of its own: give it Lax like every other cookie of the app.
	 */
	@Bean
	CookieSameSiteSupplier requestCacheCookieSameSite() {
		return CookieSameSiteSupplier.ofLax().whenHasName("REDIRECT_URI");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The one way to sign in: e-mail and password. Guessing is stopped before this runs, by the
	 * shared login-client and login-account rate limits (limits/RateLimitFilter).
	 */
	@Bean
	AuthenticationProvider authenticationProvider(AccountStore accounts, PasswordEncoder encoder) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService(accounts));
		passwords.setPasswordEncoder(encoder);
		return passwords;
	}

	private static UserDetailsService userDetailsService(AccountStore accounts) {
		return (email) -> accounts.findByEmail(email)
			.map((account) -> User.withUsername(account.email())
				.password(account.passwordHash())
				.roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
				.disabled(!account.isActive())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
