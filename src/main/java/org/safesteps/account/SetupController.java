package org.safesteps.account;

import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** First-run setup of the first admin, reached by the one-time link in the log. */
@Controller
class SetupController {

	private final FirstAdmin firstAdmin;

	private final SetupTokens tokens;

	private final AccountStore accounts;

	private final PasswordPolicy policy;

	SetupController(FirstAdmin firstAdmin, SetupTokens tokens, AccountStore accounts, PasswordPolicy policy) {
		this.firstAdmin = firstAdmin;
		this.tokens = tokens;
		this.accounts = accounts;
		this.policy = policy;
	}

	@GetMapping("/setup")
	String form(@RequestParam(required = false) String token, Model model) {
		requireOpen(token);
		model.addAttribute("setupForm", new SetupForm(token, "", "", ""));
		return "account/setup";
	}

	@PostMapping("/setup")
	String create(@Valid @ModelAttribute SetupForm setupForm, BindingResult result) {
		requireOpen(setupForm.token());
		Optional<String> weak = this.policy.problem(setupForm.password());
		weak.ifPresent((key) -> result.rejectValue("password", key));
		if (result.hasErrors()) {
			return "account/setup";
		}
		SetupTokens.Spent spent = this.tokens.spend(setupForm.token());
		if (spent == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			this.accounts.create(setupForm.email(), setupForm.name(), setupForm.password(), true);
		}
		catch (RuntimeException ex) {
			this.tokens.restore(spent);
			throw ex;
		}
		this.tokens.removeAll();
		return "redirect:/login?setupDone";
	}

	/** A wrong, spent or missing token looks like no page at all. */
	private void requireOpen(String token) {
		if (!this.firstAdmin.setupOpen(token)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
