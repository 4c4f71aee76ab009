package org.safesteps.learner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * A kept response's header block as the connector puts it on the wire, encoded once when the
 * response is kept: the headers the full chain wrote, then Content-Type and Content-Language, which
 * the connector writes after them. Profiled, a kept step spent about a quarter of its CPU on its
 * headers (docs/performance.md, "The lesson step's valve path, profiled"): setting the locale (the
 * container's charset mapping), and the connector encoding each header's characters to bytes
 * again, a new charset encoder for each. Given bytes, the connector copies them as they are.
 * <p>
 * The bytes are those the connector makes from the same strings (ISO-8859-1, a control character
 * but tab written as a space), so the response is byte for byte the one written from the strings;
 * a header with any character outside printable ASCII and tab is not encoded here at all, and that
 * response is written from its strings as before.
 */
final class WireHeaders {

	private final List<byte[]> names;

	private final List<byte[]> values;

	private WireHeaders(List<byte[]> names, List<byte[]> values) {
		this.names = names;
		this.values = values;
	}

	/**
	 * The block of these headers, the content type and the locale's language, or empty if one of
	 * them has a character the connector would change.
	 */
	static Optional<WireHeaders> of(List<Map.Entry<String, String>> headers, String contentType, Locale locale) {
		List<Map.Entry<String, String>> all = new ArrayList<>(headers);
		all.add(Map.entry("Content-Type", contentType));
		all.add(Map.entry("Content-Language", locale.toLanguageTag()));
		List<byte[]> names = new ArrayList<>();
		List<byte[]> values = new ArrayList<>();
		for (Map.Entry<String, String> header : all) {
			if (!plain(header.getKey()) || !plain(header.getValue())) {
				return Optional.empty();
			}
			names.add(header.getKey().getBytes(StandardCharsets.ISO_8859_1));
			values.add(header.getValue().getBytes(StandardCharsets.ISO_8859_1));
		}
		return Optional.of(new WireHeaders(List.copyOf(names), List.copyOf(values)));
	}

	/** Printable ASCII and tab only: the characters the connector writes unchanged. */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < ' ' && c != '\t') || c > '~') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Adds the block to a response of the connector that nothing was written to yet. The content
	 * type and language go in as headers, so the connector, which has neither set, adds none of its
	 * own; it still adds the length and the date after them, as for the full chain's response.
	 */
	void writeTo(Response response) {
		MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
		for (int i = 0; i < this.names.size(); i++) {
			byte[] name = this.names.get(i);
			byte[] value = this.values.get(i);
			headers.addValue(name, 0, name.length).setBytes(value, 0, value.length);
		}
	}

}
