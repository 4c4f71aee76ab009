package org.safesteps.learner;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@Test
	void tokensAre256RandomBitsInBase64Url() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = Secrets.newToken();
			assertThat(token).matches("[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void hashesAreSha256Hex() {
		assertThat(Secrets.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void eachHashStartsAfreshOnEveryThreadThoughTheDigestIsReused() throws Exception {
		String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
		assertThat(Secrets.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(Secrets.sha256("abc")).isEqualTo(abc);
		assertThat(Secrets.sha256("abc")).isEqualTo(abc);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> hashed = threads.invokeAll(java.util.Collections.nCopies(200,
					() -> Secrets.sha256("abc").equals(abc) && !Secrets.sha256("abd").equals(abc)));
			for (Future<Boolean> each : hashed) {
				assertThat(each.get()).isTrue();
			}
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void resumeCodesAreTwelveUnambiguousCharactersTypedLoosely() {
		ResumeCode code = ResumeCode.random();
		assertThat(code.value()).hasSize(12).doesNotContain("0", "O", "1", "I", "L");
		assertThat(code.display()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
		assertThat(ResumeCode.parse(" " + code.display().toLowerCase() + " ")).contains(code);
		assertThat(ResumeCode.parse("ABC-234")).isEmpty();
		assertThat(code.toString()).doesNotContain(code.value());
	}

}
