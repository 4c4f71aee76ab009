package org.safesteps.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The first admin's details, typed on /setup (and later on an invite page). */
record SetupForm(@NotBlank @Size(max = 120) String token, @NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(max = 80) String name, String password) {
}
