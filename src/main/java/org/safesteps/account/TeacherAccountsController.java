package org.safesteps.account;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

/** /admin/teachers: an admin invites teachers and disables or re-enables their accounts. */
@Controller
class TeacherAccountsController {

	private final AccountStore accounts;

	private final Invites invites;

	TeacherAccountsController(AccountStore accounts, Invites invites) {
		this.accounts = accounts;
		this.invites = invites;
	}

	@GetMapping("/admin/teachers")
	String list(Model model, Principal principal) {
		if (!model.containsAttribute("inviteRequest")) {
			model.addAttribute("inviteRequest", new InviteRequest(""));
		}
		model.addAttribute("me", admin(principal).id());
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("pending", this.invites.pending()
			.stream()
			.map((invite) -> new PendingInvite(invite.email(), LocalDate.ofInstant(invite.expiresAt(), ZoneOffset.UTC)))
			.toList());
		return "account/teachers";
	}

	@PostMapping("/admin/teachers")
	String invite(@Valid @ModelAttribute("inviteRequest") InviteRequest inviteRequest, BindingResult result,
			Model model, Principal principal, RedirectAttributes redirect) {
		Account admin = admin(principal);
		if (!result.hasErrors() && this.accounts.findByEmail(inviteRequest.email()).isPresent()) {
			result.rejectValue("email", "invite.exists");
		}
		if (result.hasErrors()) {
			return list(model, principal);
		}
		String token = this.invites.create(inviteRequest.email(), admin.id());
		redirect.addFlashAttribute("inviteLink",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/invite/{token}").buildAndExpand(token).toUriString());
		redirect.addFlashAttribute("invitedEmail", Account.normaliseEmail(inviteRequest.email()));
		return "redirect:/admin/teachers";
	}

	@PostMapping("/admin/teachers/{accountId}/status")
	String status(@PathVariable String accountId, @RequestParam Account.Status status, Principal principal) {
		if (admin(principal).id().equals(accountId)) {
			// an admin locking themselves out helps nobody; another admin can do it
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (!this.accounts.setStatus(accountId, status)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/admin/teachers";
	}

	private Account admin(Principal principal) {
		return this.accounts.findByEmail(principal.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	/** An invitation as listed: who, and until when (UTC day) the link works. */
	record PendingInvite(String email, LocalDate until) {
	}

	/** The e-mail address an admin invites. */
	record InviteRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

}
