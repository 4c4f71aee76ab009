package org.safesteps.limits;

import java.time.Duration;
import java.util.Optional;

import com.mongodb.MongoOperationTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The filter's own decisions, with the bucket store replaced: what a refusal looks like, and that a
 * store that fails (a check slower than the store timeout) lets the request through and is left
 * alone for the next requests instead of making each of them wait for it again. RateLimitTest
 * covers the limits against the real store.
 */
class RateLimitFilterTest {

	private final RateLimits limits = mock(RateLimits.class);

	private final RateLimitFilter filter = new RateLimitFilter(this.limits,
			new RateLimitProperties(true, Limit.valueOf("600/1m"), Limit.valueOf("3/10m"), Limit.valueOf("3/10m"),
					Limit.valueOf("30/15m"), Limit.valueOf("10/15m"), Limit.valueOf("20/15m"), DataSize.ofKilobytes(64),
					Duration.ofMillis(250)));

	@Test
	void aSpentBucketIsRefusedWith429AndTheWaitInRetryAfter() throws Exception {
		when(this.limits.storeReachable()).thenReturn(true);
		when(this.limits.take(anyString(), any(), anyString())).thenReturn(Optional.empty());
		when(this.limits.take(eq("join-codes"), any(), anyString())).thenReturn(Optional.of(Duration.ofMillis(199_500)));

		MockHttpServletResponse response = send(join("ZZZZZZ"));

		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).as("whole seconds, rounded up").isEqualTo("200");
	}

	@Test
	void aBucketStoreThatFailsLetsRequestsThroughAndIsNotAskedAgainForAWhile() throws Exception {
		when(this.limits.storeReachable()).thenReturn(true);
		when(this.limits.take(anyString(), any(), anyString()))
			.thenThrow(new MongoOperationTimeoutException("the bucket check took longer than its timeout"));

		MockFilterChain first = new MockFilterChain();
		MockHttpServletResponse firstResponse = new MockHttpServletResponse();
		this.filter.doFilter(join("ZZZZZZ"), firstResponse, first);
		assertThat(first.getRequest()).as("the request went on to the page").isNotNull();
		assertThat(firstResponse.getStatus()).isEqualTo(200);

		MockFilterChain second = new MockFilterChain();
		this.filter.doFilter(join("ZZZZZZ"), new MockHttpServletResponse(), second);
		assertThat(second.getRequest()).isNotNull();
		// the first request's two checks: posts failed, so join-codes was never reached; none since
		verify(this.limits, times(1)).take(anyString(), any(), anyString());
	}

	@Test
	void anUnreachableDatabaseIsNotAskedAtAll() throws Exception {
		when(this.limits.storeReachable()).thenReturn(false);

		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(join("ZZZZZZ"), new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isNotNull();
		verify(this.limits, never()).take(anyString(), any(), anyString());
	}

	private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("a refused request does not reach the page").isNull();
		return response;
	}

	private static MockHttpServletRequest join(String code) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/join");
		request.setRemoteAddr("198.51.100.7");
		request.setParameter("code", code);
		return request;
	}

}
