package org.safesteps.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(nullValues = "-", value = {
		"short,                          password.too-short",
		"elevenchars,                    password.too-short",
		"password1234,                   password.common",
		"Password1234,                   password.common",
		"qwertyuiop123,                  password.common",
		"aaaaaaaaaaaaaaaa,               password.common",
		"correct horse battery staple,   -",
		"twelve chars,                   -",
		"all lowercase no digits here,   -" })
	void longEnoughAndNotCommonIsTheOnlyRule(String password, String expected) {
		assertThat(this.policy.problem(password).orElse(null)).isEqualTo(expected);
	}

}
