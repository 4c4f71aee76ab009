package org.safesteps.lti;

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
 * tool's signing key.
 */
@Controller
class AdminLtiController {

	private final Registrations registrations;

	private final ToolKeys keys;

	AdminLtiController(Registrations registrations, ToolKeys keys) {
		this.registrations = registrations;
		this.keys = keys;
	}

	@GetMapping("/admin/lti")
	String list(Model model) {
		if (!model.containsAttribute("registrationForm")) {
			model.addAttribute("registrationForm", RegistrationForm.empty());
		}
		model.addAttribute("registrations", this.registrations.all());
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
		return view;
	}

}
