package org.safesteps.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which requests a rate limit applies to, as the filter tells learner/KeptStepValve (which passes
 * those on to the filter instead of answering them in front of it).
 */
class LimitedRequestsTest {

	@Test
	void formsSignInsAndInvitationsAreLimitedALessonStepIsNot() {
		RateLimitFilter filter = filter(true);

		assertThat(filter.limited(new MockHttpServletRequest("POST", "/join"))).isTrue();
		assertThat(filter.limited(new MockHttpServletRequest("POST", "/learn/trusted-adults/quiz"))).isTrue();
		assertThat(filter.limited(new MockHttpServletRequest("GET", "/invite/abc"))).isTrue();
		assertThat(filter.limited(new MockHttpServletRequest("GET", "/learn/trusted-adults"))).isFalse();
	}

	@Test
	void nothingIsLimitedWhenTheLimitsAreOff() {
		assertThat(filter(false).limited(new MockHttpServletRequest("POST", "/join"))).isFalse();
	}

	private static RateLimitFilter filter(boolean enabled) {
		return new RateLimitFilter(mock(RateLimits.class),
				new RateLimitProperties(enabled, Limit.valueOf("600/1m"), Limit.valueOf("3/10m"), Limit.valueOf("3/10m"),
						Limit.valueOf("30/15m"), Limit.valueOf("10/15m"), Limit.valueOf("20/15m"), DataSize.ofKilobytes(64),
						Duration.ofMillis(250)));
	}

}
