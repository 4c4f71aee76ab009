package org.safesteps.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page behind an invitation link: the teacher picks a name and password, once. */
@Controller
class InviteController {

	private final Invites invites;

	private final AccountStore accounts;

	private final PasswordPolicy policy;

	InviteController(Invites invites, AccountStore accounts, PasswordPolicy policy) {
		this.invites = invites;
		this.accounts = accounts;
		this.policy = policy;
	}

	@GetMapping("/invite/{token}")
	String form(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Invite> invite = this.invites.open(token);
		if (invite.isEmpty()) {
			return refused(response);
		}
		model.addAttribute("email", invite.get().email());
		model.addAttribute("token", token);
		model.addAttribute("inviteForm", new InviteForm("", ""));
		return "account/invite";
	}

	@PostMapping("/invite/{token}")
	String accept(@PathVariable String token, @Valid @ModelAttribute InviteForm inviteForm, BindingResult result,
			Model model, HttpServletResponse response) {
		Optional<Invite> open = this.invites.open(token);
		if (open.isEmpty()) {
			return refused(response);
		}
		this.policy.problem(inviteForm.password()).ifPresent((key) -> result.rejectValue("password", key));
		if (result.hasErrors()) {
			model.addAttribute("email", open.get().email());
			model.addAttribute("token", token);
			return "account/invite";
		}
		Optional<Invite> spent = this.invites.spend(token);
		if (spent.isEmpty()) {
			return refused(response);
		}
		try {
			this.accounts.create(spent.get().email(), inviteForm.name(), inviteForm.password(), false);
		}
		catch (AccountStore.EmailTakenException ex) {
			// the address got an account meanwhile (another invitation): this link has nothing left to do
			return refused(response);
		}
		catch (RuntimeException ex) {
			this.invites.restore(spent.get());
			throw ex;
		}
		return "redirect:/login?invited";
	}

	/** Expired, used and unknown links look the same: nothing tells a guesser which links exist. */
	private static String refused(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return "account/invite-refused";
	}

}
