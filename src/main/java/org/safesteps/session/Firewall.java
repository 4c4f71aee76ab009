package org.safesteps.session;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its default rules, checked without regular expressions.
 * <p>
 * The defaults test every header name and value and every parameter name with a regular expression
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tab also allowed in a header value): a new matcher
 * each time, for a quiz submission's dozen headers and parameters 3.5% of all its allocation
 * (docs/performance.md, "Stop 30"). These predicates accept exactly the same strings, a code point at
 * a time ({@code FirewallTest} compares them with Spring's over random strings). Parameter values
 * stay unchecked, as by default. Everything else is the default firewall's.
 * <p>
 * The security chain uses it ({@code account/SecurityConfiguration}), and so do the learner's
 * kept pages and assets, which answer before that chain.
 */
public final class Firewall {

	/** Spring's {@code ALLOWED_HEADER_NAMES} and {@code ALLOWED_PARAMETER_NAMES}. */
	static final Predicate<String> NAMES = (name) -> assignedAndNotControl(name, false);

	/** Spring's {@code ALLOWED_HEADER_VALUES}. */
	static final Predicate<String> HEADER_VALUES = (value) -> assignedAndNotControl(value, true);

	private Firewall() {
	}

	/** A new strict firewall with the default rules. */
	public static StrictHttpFirewall strict() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAMES);
		firewall.setAllowedHeaderValues(HEADER_VALUES);
		firewall.setAllowedParameterNames(NAMES);
		return firewall;
	}

	/**
	 * Whether every code point of {@code text} is assigned in Unicode and not a control character
	 * (a tab allowed if {@code tab}), as {@code \p{IsAssigned}} and {@code \p{IsControl}} decide it:
	 * an unpaired surrogate is assigned and not a control.
	 */
	static boolean assignedAndNotControl(String text, boolean tab) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
