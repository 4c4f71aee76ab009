package org.safesteps.lti;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.safesteps.content.Band;

/**
 * /admin/lti: admins register learning platforms (what the platform gives us), see what to paste
 * into the platform (the tool's URLs), edit, disable or delete a registration, and rotate the
 * tool's signing key. Per platform, the page also shows how many quiz scores wait to be sent to
 * its gradebook and the last errors its services gave.
 */
@Controller
class AdminLtiController {

	private final Registrations registrations;

	private final ToolKeys keys;

	private final ScoreQueue scores;

	private final LineItems lineItems;

	/** What the page shows of a platform's gradebook traffic: scores waiting, and the last errors. */
	record ScoreStatus(long waiting, List<ScoreQueue.ShownError> errors) {
	}

	private static final int ERRORS_SHOWN = 5;

	AdminLtiController(Registrations registrations, ToolKeys keys, ScoreQueue scores, LineItems lineItems) {
		this.registrations = registrations;
		this.keys = keys;
		this.scores = scores;
		this.lineItems = lineItems;
	}

	@GetMapping("/admin/lti")
	String list(Model model) {
		if (!model.containsAttribute("registrationForm")) {
			model.addAttribute("registrationForm", RegistrationForm.empty());
		}
		List<Registration> all = this.registrations.all();
		model.addAttribute("registrations", all);
		Map<String, ScoreStatus> scoreStatus = new HashMap<>();
		for (Registration registration : all) {
			scoreStatus.put(registration.id(), new ScoreStatus(this.scores.waiting(registration.id()),
					this.scores.lastErrors(registration.id(), ERRORS_SHOWN)));
		}
		model.addAttribute("scoreStatus", scoreStatus);
		model.addAttribute("keyId", this.keys.activeKeyId());
		return toolValues(model, "lti/admin");
	}

	@PostMapping("/admin/lti")
	String create(@Valid @ModelAttribute("registrationForm") RegistrationForm registrationForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		checkDeployments(registrationForm, result);
		if (!result.hasErrors()) {
			try {
				this.registrations.create(registrationForm);
				redirect.addFlashAttribute("notice", "lti.admin.notice.created");
				return "redirect:/admin/lti";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("clientId", "lti.admin.duplicate");
			}
		}
		return list(model);
	}

	@GetMapping("/admin/lti/{registrationId}")
	String edit(@PathVariable String registrationId, Model model) {
		Registration registration = found(registrationId);
		model.addAttribute("registration", registration);
		if (!model.containsAttribute("registrationForm")) {
			model.addAttribute("registrationForm", RegistrationForm.of(registration));
		}
		return toolValues(model, "lti/edit");
	}

	@PostMapping("/admin/lti/{registrationId}")
	String update(@PathVariable String registrationId,
			@Valid @ModelAttribute("registrationForm") RegistrationForm registrationForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		found(registrationId);
		checkDeployments(registrationForm, result);
		if (!result.hasErrors()) {
			try {
				this.registrations.update(registrationId, registrationForm);
				redirect.addFlashAttribute("notice", "lti.admin.notice.saved");
				return "redirect:/admin/lti";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("clientId", "lti.admin.duplicate");
			}
		}
		return edit(registrationId, model);
	}

	@PostMapping("/admin/lti/{registrationId}/enabled")
	String enabled(@PathVariable String registrationId, @RequestParam boolean enabled, RedirectAttributes redirect) {
		if (!this.registrations.setEnabled(registrationId, enabled)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", enabled ? "lti.admin.notice.enabled" : "lti.admin.notice.disabled");
		return "redirect:/admin/lti";
	}

	@PostMapping("/admin/lti/{registrationId}/delete")
	String delete(@PathVariable String registrationId, RedirectAttributes redirect) {
		if (!this.registrations.delete(registrationId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		// nothing of a deleted platform's gradebook is kept: its waiting scores and course columns go too
		this.scores.forget(registrationId);
		this.lineItems.forget(registrationId);
		redirect.addFlashAttribute("notice", "lti.admin.notice.deleted");
		return "redirect:/admin/lti";
	}

	@PostMapping("/admin/lti/keys/rotate")
	String rotate(RedirectAttributes redirect) {
		this.keys.rotate();
		redirect.addFlashAttribute("notice", "lti.admin.notice.rotated");
		return "redirect:/admin/lti";
	}

	private Registration found(String registrationId) {
		return this.registrations.findById(registrationId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void checkDeployments(RegistrationForm form, BindingResult result) {
		// fields that cannot even be converted (a band no select offers) come from a tampered form, not a person
		if (result.getTarget() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (!result.hasFieldErrors("deploymentIds") && form.deploymentIdList().isEmpty()) {
			result.rejectValue("deploymentIds", "NotBlank");
		}
	}

	/** The values an admin copies into the platform, built from the address this page was reached at. */
	private static String toolValues(Model model, String view) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		model.addAttribute("toolLogin", base + "/lti/login");
		model.addAttribute("toolLaunch", base + "/lti/launch");
		model.addAttribute("toolJwks", base + "/lti/jwks");
		model.addAttribute("bands", Band.values());
		model.addAttribute("scoreChoices", Registration.ScoreChoice.values());
		return view;
	}

}
