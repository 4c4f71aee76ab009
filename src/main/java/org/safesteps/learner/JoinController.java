package org.safesteps.learner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.safesteps.content.Band;
import org.safesteps.theme.RequestTheme;

/**
 * {@code /join}: a class code (or a resume code) typed in letters, or tapped as pictures. Guessing
 * is stopped before this runs, by the shared join-codes and resume-codes rate limits (429).
 */
@Controller
class JoinController {

	private final Learners learners;

	JoinController(Learners learners) {
		this.learners = learners;
	}

	@GetMapping("/join")
	String form(Model model) {
		model.addAttribute("joinForm", new JoinForm(""));
		return "join/join";
	}

	@PostMapping("/join")
	String join(@ModelAttribute JoinForm joinForm, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Learners.Outcome outcome = enter(joinForm.code(), request, response);
		if (outcome.failed()) {
			model.addAttribute("problem", outcome.name().toLowerCase(Locale.ROOT));
			return "join/join";
		}
		return "redirect:/learn";
	}

	@GetMapping("/join/pictures")
	String pictures(Model model, HttpServletRequest request) {
		RequestTheme.useBand(request, Band.AGES_5_7);
		model.addAttribute("pictures", PictureCode.PICTURES);
		model.addAttribute("positions", IntStream.rangeClosed(1, 6).boxed().toList());
		return "join/pictures";
	}

	@PostMapping("/join/pictures")
	String joinWithPictures(@RequestParam(name = "p1", required = false) String p1,
			@RequestParam(name = "p2", required = false) String p2,
			@RequestParam(name = "p3", required = false) String p3,
			@RequestParam(name = "p4", required = false) String p4,
			@RequestParam(name = "p5", required = false) String p5,
			@RequestParam(name = "p6", required = false) String p6, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		List<String> chosen = Arrays.asList(p1, p2, p3, p4, p5, p6);
		String typed = PictureCode.code(chosen).map((code) -> code.value()).orElse("");
		Learners.Outcome outcome = enter(typed, request, response);
		if (outcome.failed()) {
			model.addAttribute("problem", (outcome == Learners.Outcome.MALFORMED) ? "pictures-missing"
					: outcome.name().toLowerCase(Locale.ROOT));
			Map<String, String> kept = new HashMap<>();
			for (int i = 0; i < chosen.size(); i++) {
				kept.put("p" + (i + 1), chosen.get(i));
			}
			model.addAttribute("chosen", kept);
			return pictures(model, request);
		}
		return "redirect:/learn";
	}

	private Learners.Outcome enter(String typed, HttpServletRequest request, HttpServletResponse response) {
		return this.learners.enter(typed, request, response);
	}

	/** The join form: one field, a class code or a resume code. */
	record JoinForm(String code) {

		JoinForm {
			code = (code == null) ? "" : code;
		}

	}

}
