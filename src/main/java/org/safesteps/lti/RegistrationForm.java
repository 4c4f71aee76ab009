package org.safesteps.lti;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.safesteps.content.Band;

/**
 * The admin's registration form. URLs must be HTTPS (plain HTTP only to this machine, for tests
 * and trying a platform out locally); deployment ids are one per line.
 */
record RegistrationForm(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 500) @Pattern(regexp = URL) String issuer,
		@NotBlank @Size(max = 255) String clientId, @NotBlank @Size(max = 5000) String deploymentIds,
		@NotBlank @Size(max = 500) @Pattern(regexp = URL) String authUrl,
		@NotBlank @Size(max = 500) @Pattern(regexp = URL) String tokenUrl,
		@NotBlank @Size(max = 500) @Pattern(regexp = URL) String jwksUrl,
		@Size(max = 500) @Pattern(regexp = "(" + URL + ")?") String frameOrigin, Boolean createsTeachers,
		@NotNull Band defaultBand, Boolean sendsScores, Registration.ScoreChoice scoreChoice) {

	static final String URL = "(https://[^\\s/?#]+|http://(localhost|127\\.0\\.0\\.1)(:\\d+)?)([/?#]\\S*)?";

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "", "", "", "", "", false, Band.AGES_11_13, false,
				Registration.ScoreChoice.BEST);
	}

	static RegistrationForm of(Registration registration) {
		return new RegistrationForm(registration.name(), registration.issuer(), registration.clientId(),
				String.join("\n", registration.deploymentIds()), registration.authUrl(), registration.tokenUrl(),
				registration.jwksUrl(), (registration.frameOrigin() == null) ? "" : registration.frameOrigin(),
				registration.createsTeachers(), registration.defaultBand(), registration.sendsScores(),
				registration.scoreChoiceOrBest());
	}

	/** An unticked box sends nothing. */
	public boolean creatingTeachers() {
		return Boolean.TRUE.equals(this.createsTeachers);
	}

	/** An unticked box sends nothing: scores stay in SafeSteps. */
	public boolean sendingScores() {
		return Boolean.TRUE.equals(this.sendsScores);
	}

	List<String> deploymentIdList() {
		if (this.deploymentIds == null) {
			return List.of();
		}
		return Arrays.stream(this.deploymentIds.split("[\\r\\n,]+")).map(String::strip).filter((id) -> !id.isEmpty())
			.distinct().toList();
	}

	Registration toRegistration(String id, boolean enabled, Instant createdAt) {
		return new Registration(id, this.name.strip(), this.issuer.strip(), this.clientId.strip(), deploymentIdList(),
				this.authUrl.strip(), this.tokenUrl.strip(), this.jwksUrl.strip(),
				(this.frameOrigin == null || this.frameOrigin.isBlank()) ? null : this.frameOrigin.strip(),
				creatingTeachers(), this.defaultBand, enabled, createdAt, sendingScores(),
				(this.scoreChoice == null) ? Registration.ScoreChoice.BEST : this.scoreChoice);
	}

}
