package org.safesteps.lti;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.safesteps.account.Account;
import org.safesteps.account.CurrentAccount;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.TeacherNotes;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.session.CrossSiteBrowsing;

/**
 * /lti/deep-link/{token}: from the platform's "add activity", the instructor picks SafeSteps
 * modules for a band (a sensitive module only after confirming its teacher notes, as when assigning
 * one to a class), and SafeSteps hands a signed {@code LtiDeepLinkingResponse} of
 * {@code ltiResourceLink} items back to the platform (Deep Linking 2.0, section 4.2).
 */
@Controller
class DeepLinkController {

	/** How long the platform has to receive the answer once the teacher sends it. */
	private static final long RESPONSE_SECONDS = 300;

	private final DeepLinkRequests requests;

	private final Registrations registrations;

	private final Curriculum curriculum;

	private final ToolKeys keys;

	private final Clock clock;

	DeepLinkController(DeepLinkRequests requests, Registrations registrations, Curriculum curriculum, ToolKeys keys,
			Clock clock) {
		this.requests = requests;
		this.registrations = registrations;
		this.curriculum = curriculum;
		this.keys = keys;
		this.clock = clock;
	}

	@GetMapping("/lti/deep-link/{token}")
	String pick(@PathVariable String token, @RequestParam(name = "band", required = false) String bandId,
			HttpServletRequest request, Model model) {
		DeepLinkRequests.Pending pending = pending(token, request);
		return page(token, pending, Band.fromId((bandId == null) ? "" : bandId).orElse(Band.AGES_11_13), null, request,
				model);
	}

	@PostMapping("/lti/deep-link/{token}")
	String answer(@PathVariable String token, @RequestParam(name = "band", required = false) String bandId,
			@RequestParam(name = "moduleId", required = false) List<String> moduleIds,
			@RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed, HttpServletRequest request,
			Model model) {
		DeepLinkRequests.Pending pending = pending(token, request);
		Band band = Band.fromId((bandId == null) ? "" : bandId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		List<Module> chosen = new ArrayList<>();
		for (String moduleId : (moduleIds == null) ? List.<String>of() : moduleIds) {
			chosen.add(this.curriculum.module(moduleId).filter((module) -> module.hasBand(band))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST)));
		}
		if (chosen.isEmpty()) {
			return page(token, pending, band, "lti.deep.none", request, model);
		}
		if (chosen.size() > 1 && !pending.acceptMultiple()) {
			return page(token, pending, band, "lti.deep.one", request, model);
		}
		if (chosen.stream().anyMatch(Module::sensitive) && !confirmed) {
			return page(token, pending, band, "lti.deep.confirm", request, model);
		}
		Account teacher = CurrentAccount.of(request).orElseThrow();
		DeepLinkRequests.Pending taken = this.requests.take(token, teacher.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Registration registration = this.registrations.findById(taken.registrationId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CrossSiteBrowsing.allowFormAction(request, Registration.origin(taken.returnUrl()));
		model.addAttribute("returnUrl", taken.returnUrl());
		model.addAttribute("jwt", this.keys.sign(response(registration, taken, band, chosen)));
		model.addAttribute("count", chosen.size());
		return "lti/deep-link-return";
	}

	private JWTClaimsSet response(Registration registration, DeepLinkRequests.Pending pending, Band band,
			List<Module> chosen) {
		String launchUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/lti/launch").toUriString();
		List<Map<String, Object>> items = chosen.stream().map((module) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("type", "ltiResourceLink");
			item.put("title", module.title() + " (" + band.label() + ")");
			item.put("text", module.summary());
			item.put("url", launchUrl);
			item.put("custom", Map.of("module", module.id(), "band", band.id()));
			if (registration.sendsScores() && module.quiz(band).isPresent()) {
				// asks the platform for a gradebook column (Deep Linking 2.0, ltiResourceLink lineItem), so scores have a place to go
				item.put("lineItem", Map.of("scoreMaximum", Gradebook.SCORE_MAXIMUM, "label", module.title() + " (" + band.label() + ")",
						"resourceId", module.id() + "/" + band.id()));
			}
			return item;
		}).toList();
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(registration.clientId())
			.audience(registration.issuer())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(RESPONSE_SECONDS)))
			.claim("nonce", UUID.randomUUID().toString())
			.claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_RESPONSE)
			.claim(Claims.VERSION, Claims.LTI_VERSION)
			.claim(Claims.DEPLOYMENT_ID, pending.deploymentId())
			.claim(Claims.CONTENT_ITEMS, items);
		pending.data().ifPresent((data) -> claims.claim(Claims.DEEP_LINKING_DATA, data));
		return claims.build();
	}

	private DeepLinkRequests.Pending pending(String token, HttpServletRequest request) {
		Optional<Account> teacher = CurrentAccount.of(request);
		return teacher.flatMap((account) -> this.requests.find(token, account.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(String token, DeepLinkRequests.Pending pending, Band band, String problem,
			HttpServletRequest request, Model model) {
		String country = HelpCountry.of(request).orElse(null);
		List<Module> modules = this.curriculum.modulesFor(band);
		// in the language of the teacher's pages (the site's locale) when translated, else English
		String language = RequestContextUtils.getLocale(request).getLanguage();
		Map<String, Localized<TeacherNotes>> notes = new LinkedHashMap<>();
		modules.stream().filter(Module::sensitive)
			.forEach((module) -> notes.put(module.id(), module.teacherNotes(language)));
		model.addAttribute("country", country);
		model.addAttribute("token", token);
		model.addAttribute("band", band);
		model.addAttribute("bands", Band.values());
		model.addAttribute("modules", modules);
		model.addAttribute("notes", notes);
		model.addAttribute("multiple", pending.acceptMultiple());
		model.addAttribute("problem", problem);
		return "lti/deep-link";
	}

}
