package org.safesteps.guidance;

import java.text.Collator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.safesteps.content.Audience;
import org.safesteps.content.Band;
import org.safesteps.content.Country;
import org.safesteps.content.Curriculum;
import org.safesteps.content.HelpDirectory;
import org.safesteps.theme.RequestTheme;

/**
 * Help and reporting services for one country: emergency number first, then its crisis lines,
 * then services for children and for parents. A country without its own list gets the services that work anywhere.
 */
@Controller
class HelpController {

	private final HelpDirectory help;

	private final MessageSource messages;

	HelpController(Curriculum curriculum, MessageSource messages) {
		this.help = curriculum.help();
		this.messages = messages;
	}

	@GetMapping("/help")
	String help(@RequestParam(required = false) String country, @RequestParam(required = false) String band,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> chosen = HelpCountry.parse(country);
		chosen.ifPresent((code) -> remember(code, request, response));
		Band.fromId(band).ifPresent((b) -> RequestTheme.useBand(request, b));
		String wanted = HelpCountry.of(request).orElse(HelpDirectory.INTERNATIONAL);
		Country shown = this.help.forCountry(wanted);
		model.addAttribute("country", shown);
		model.addAttribute("fallback", !shown.code().equals(wanted));
		model.addAttribute("countries", choices(LocaleContextHolder.getLocale()));
		model.addAttribute("band", Band.fromId(band).map(Band::id).orElse(null));
		model.addAttribute("crisis", shown.crisisLines());
		model.addAttribute("forChildren", shown.servicesFor(Audience.CHILD));
		model.addAttribute("forParents", shown.servicesFor(Audience.PARENT));
		model.addAttribute("international", shown.code().equals(HelpDirectory.INTERNATIONAL) ? List.of()
				: this.help.forCountry(HelpDirectory.INTERNATIONAL).services().stream()
					.filter((s) -> shown.services().stream().noneMatch((own) -> own.id().equals(s.id())))
					.toList());
		return "help/index";
	}

	/** The countries to choose from, named in the reader's language (help.country.XX), "other countries" last. */
	private List<CountryChoice> choices(Locale locale) {
		return this.help.countries().stream()
			.map((c) -> new CountryChoice(c.code(), this.messages.getMessage("help.country." + c.code(), null, c.name(), locale)))
			.sorted(Comparator.comparing((CountryChoice c) -> c.code().equals(HelpDirectory.INTERNATIONAL))
				.thenComparing(CountryChoice::name, Collator.getInstance(locale)))
			.toList();
	}

	/** A country in the choice list: its code and its name in the reader's language. */
	record CountryChoice(String code, String name) {
	}

	private static void remember(String code, HttpServletRequest request, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(HelpCountry.COOKIE, code)
			.path("/")
			.maxAge(Duration.ofDays(365))
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
