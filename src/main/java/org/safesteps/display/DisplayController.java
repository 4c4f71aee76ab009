package org.safesteps.display;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.safesteps.content.Band;
import org.safesteps.theme.RequestTheme;
import org.safesteps.theme.Theme;
import org.safesteps.theme.Themes;

/**
 * {@code /display}: a form of checkboxes for the display options; saving sets the cookie for a
 * year and goes back to the page the reader came from. {@code ?band=} keeps a child's theme.
 */
@Controller
class DisplayController {

	private static final Duration KEEP_FOR = Duration.ofDays(365);

	private final Themes themes;

	DisplayController(Themes themes) {
		this.themes = themes;
	}

	@GetMapping("/display")
	String form(@RequestParam(name = "return", required = false) String returnPath,
			@RequestParam(name = "band", required = false) String band, HttpServletRequest request, Model model) {
		Optional<Band> reading = Band.fromId(band);
		reading.ifPresent((b) -> RequestTheme.useBand(request, b));
		DisplayOptions options = DisplayOptions.of(request);
		model.addAttribute("options", options);
		model.addAttribute("readAloud", options.readsAloud(theme(reading).readAloud()));
		model.addAttribute("returnPath", ReturnPath.of(returnPath));
		model.addAttribute("band", reading.map(Band::id).orElse(null));
		return "display/options";
	}

	/**
	 * Read-aloud left as the form showed it keeps what it was (possibly "as the theme says"), so
	 * saving other options in one theme does not switch read-aloud off for the youngest band.
	 */
	@PostMapping("/display")
	String save(@RequestParam(name = "largerText", required = false) String largerText,
			@RequestParam(name = "dyslexiaFont", required = false) String dyslexiaFont,
			@RequestParam(name = "highContrast", required = false) String highContrast,
			@RequestParam(name = "reducedMotion", required = false) String reducedMotion,
			@RequestParam(name = "readAloud", required = false) String readAloud,
			@RequestParam(name = "return", required = false) String returnPath,
			@RequestParam(name = "band", required = false) String band, HttpServletRequest request,
			HttpServletResponse response) {
		DisplayOptions before = DisplayOptions.of(request);
		boolean shownReadAloud = before.readsAloud(theme(Band.fromId(band)).readAloud());
		boolean wantsReadAloud = readAloud != null;
		DisplayOptions chosen = new DisplayOptions(largerText != null, dyslexiaFont != null, highContrast != null,
				reducedMotion != null, (wantsReadAloud == shownReadAloud) ? before.readAloud() : Boolean.valueOf(wantsReadAloud));
		ResponseCookie cookie = ResponseCookie.from(DisplayOptions.COOKIE, chosen.cookieValue())
			.path("/")
			.maxAge(KEEP_FOR)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:" + ReturnPath.of(returnPath);
	}

	private Theme theme(Optional<Band> band) {
		return band.map(this.themes::forBand).orElseGet(() -> this.themes.get(Theme.BASE));
	}

}
