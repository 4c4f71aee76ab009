package org.safesteps.learner;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.http.MimeHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept header block goes to the connector as the headers, then the content type and language. */
class WireHeadersTest {

	@Test
	void theHeadersThenContentTypeAndLanguageInOrder() {
		Response response = new Response(new org.apache.coyote.Response());

		WireHeaders.of(List.of(Map.entry("X-Frame-Options", "DENY"), Map.entry("Cache-Control", "no-cache, no-store")),
				"text/html;charset=UTF-8", Locale.forLanguageTag("es"))
			.orElseThrow()
			.writeTo(response);

		MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
		assertThat(headers.size()).isEqualTo(4);
		assertThat(List.of(headers.getName(0).toString(), headers.getName(1).toString(), headers.getName(2).toString(),
				headers.getName(3).toString()))
			.containsExactly("X-Frame-Options", "Cache-Control", "Content-Type", "Content-Language");
		assertThat(headers.getHeader("Cache-Control")).isEqualTo("no-cache, no-store");
		assertThat(headers.getHeader("Content-Type")).isEqualTo("text/html;charset=UTF-8");
		assertThat(headers.getHeader("Content-Language")).isEqualTo("es");
	}

	@Test
	void aHeaderTheConnectorWouldChangeIsNotEncoded() {
		assertThat(WireHeaders.of(List.of(Map.entry("X-Note", "caf\u00e9")), "text/html", Locale.ENGLISH)).isEmpty();
		assertThat(WireHeaders.of(List.of(Map.entry("X-Note", "a\nb")), "text/html", Locale.ENGLISH)).isEmpty();
		assertThat(WireHeaders.of(List.of(Map.entry("X-Note", "a\tb")), "text/html", Locale.ENGLISH)).isPresent();
	}

}
