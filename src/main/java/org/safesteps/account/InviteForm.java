package org.safesteps.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an invited teacher types: the name colleagues will see and a password. */
record InviteForm(@NotBlank @Size(max = 80) String name, String password) {
}
