package org.safesteps.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The firewall's predicates accept exactly what Spring Security's default expressions accept. */
class FirewallTest {

	/** Code points of every kind the expressions tell apart, and the edges between them. */
	private static final int[] INTERESTING = { 'a', ' ', '~', '\t', '\n', '\r', 0, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xe9,
			0x378, 0x200b, 0x2028, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffe, 0xffff, 0x1f600, 0xe0001, 0x10ffff,
			0x2fffe };

	@Test
	void namesAndHeaderValuesAreJudgedAsByTheDefaultExpressions() {
		Random random = new Random(20261207);
		List<String> samples = new ArrayList<>(List.of("", "answer-q1", "sextortion", "text/html; charset=UTF-8"));
		for (int i = 0; i < 50_000; i++) {
			samples.add(randomText(random));
		}
		int refused = 0;
		for (String text : samples) {
			assertSame(text, Firewall.NAMES, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
			assertSame(text, Firewall.NAMES, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
			assertSame(text, Firewall.HEADER_VALUES, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
			refused += Firewall.NAMES.test(text) ? 0 : 1;
		}
		// both outcomes were exercised, many times
		assertThat(refused).isBetween(samples.size() / 10, samples.size() * 9 / 10);
	}

	@Test
	void theFirewallRefusesAControlCharacterInAHeaderOrAParameterName() {
		StrictHttpFirewall firewall = Firewall.strict();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/learn/sextortion/quiz");
		request.addHeader("X-Note", "fine\u0007");
		request.addParameter("q1\u0000", "b");
		HttpServletRequest checked = firewall.getFirewalledRequest(request);

		assertThatThrownBy(() -> checked.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
		assertThatThrownBy(() -> checked.getParameter("q1\u0000")).isInstanceOf(RequestRejectedException.class);
		assertThat(firewall.getFirewalledRequest(new MockHttpServletRequest("GET", "/learn/sextortion")))
			.isNotNull();
	}

	private static void assertSame(String text, Predicate<String> ours, Predicate<String> spring) {
		assertThat(ours.test(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
			.isEqualTo(spring.test(text));
	}

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(6);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(4);
			if (kind == 0) {
				text.appendCodePoint(0x20 + random.nextInt(0x5f));
			}
			else if (kind == 1) {
				text.appendCodePoint(INTERESTING[random.nextInt(INTERESTING.length)]);
			}
			else if (kind == 2) {
				// a lone surrogate half, as a char
				text.append((char) (0xd800 + random.nextInt(0x800)));
			}
			else {
				text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
			}
		}
		return text.toString();
	}

}
