package org.safesteps.learner;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import org.safesteps.limits.LimitedRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The valve's own decisions, with the kept-step filter and the rate limits replaced: it answers only
 * what the filter answers, and passes everything else on to the container's filters, among them
 * every request a rate limit applies to. KeptStepFilterTest covers the kept responses themselves
 * (answered by this valve in the running application).
 */
class KeptStepValveTest {

	private final KeptStepFilter filter = mock(KeptStepFilter.class);

	private final KeptAssetFilter assets = mock(KeptAssetFilter.class);

	private final Valve next = mock(Valve.class);

	private final Response response = mock(Response.class);

	private boolean limited;

	private final KeptStepValve valve = valve(this.filter);

	private KeptStepValve valve(KeptStepFilter keptStepFilter) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (keptStepFilter != null) {
			beans.addBean("keptStepFilter", keptStepFilter);
			beans.addBean("keptAssetFilter", this.assets);
		}
		beans.addBean("limitedRequests", (LimitedRequests) (request) -> this.limited);
		KeptStepValve made = new KeptStepValve(beans.getBeanProvider(KeptStepFilter.class),
				beans.getBeanProvider(KeptAssetFilter.class), beans.getBeanProvider(LimitedRequests.class));
		made.setNext(this.next);
		return made;
	}

	@Test
	void aStepTheFilterAnswersGoesNoFurther() throws Exception {
		Request request = request("GET", "/learn/trusted-adults");
		when(this.filter.answer(request, this.response)).thenReturn(true);

		this.valve.invoke(request, this.response);

		verify(this.next, never()).invoke(any(), any());
	}

	@Test
	void aStepTheFilterDoesNotAnswerGoesOnToTheFilters() throws Exception {
		Request request = request("GET", "/learn/trusted-adults");
		when(this.filter.answer(request, this.response)).thenReturn(false);

		this.valve.invoke(request, this.response);

		verify(this.next).invoke(request, this.response);
	}

	@Test
	void anAssetGoesToTheAssetFilterAndOnToTheFiltersIfItIsNotKept() throws Exception {
		Request kept = request("GET", "/assets/base/site.css");
		Request notKept = request("GET", "/assets/base/safesteps.js");
		when(this.assets.answer(kept, this.response)).thenReturn(true);
		when(this.assets.answer(notKept, this.response)).thenReturn(false);

		this.valve.invoke(kept, this.response);
		this.valve.invoke(notKept, this.response);

		verify(this.next, never()).invoke(kept, this.response);
		verify(this.next).invoke(notKept, this.response);
		verify(this.filter, never()).answer(any(), any());
	}

	@Test
	void aRequestARateLimitAppliesToGoesOnToTheRateLimitFilterUnanswered() throws Exception {
		this.limited = true;
		Request request = request("GET", "/learn/trusted-adults");
		when(this.filter.answer(any(), any())).thenReturn(true);
		when(this.assets.answer(any(), any())).thenReturn(true);
		Request asset = request("GET", "/assets/base/site.css");

		this.valve.invoke(request, this.response);
		this.valve.invoke(asset, this.response);

		verify(this.filter, never()).answer(any(), any());
		verify(this.assets, never()).answer(any(), any());
		verify(this.next).invoke(request, this.response);
		verify(this.next).invoke(asset, this.response);
	}

	@Test
	void otherMethodsAndAddressesAreNotLookedAt() throws Exception {
		when(this.filter.answer(any(), any())).thenReturn(true);
		Request post = request("POST", "/learn/trusted-adults");
		Request other = request("GET", "/learnx/trusted-adults");
		Request top = request("GET", "/learn");
		Request notAssets = request("GET", "/assetsx/base/site.css");

		this.valve.invoke(post, this.response);
		this.valve.invoke(other, this.response);
		this.valve.invoke(top, this.response);
		this.valve.invoke(notAssets, this.response);

		verify(this.filter, never()).answer(any(), any());
		verify(this.assets, never()).answer(any(), any());
		verify(this.next).invoke(notAssets, this.response);
		verify(this.next).invoke(post, this.response);
		verify(this.next).invoke(other, this.response);
		verify(this.next).invoke(top, this.response);
	}

	@Test
	void beforeTheApplicationIsReadyEverythingGoesOnToTheFilters() throws Exception {
		KeptStepValve early = valve(null);
		Request request = request("GET", "/learn/trusted-adults");

		early.invoke(request, this.response);

		verify(this.next).invoke(request, this.response);
	}

	@Test
	void aReaderWhoLeftWhileTheStepWasWrittenEndsTheRequestQuietly() throws Exception {
		Request request = request("GET", "/learn/trusted-adults");
		when(this.filter.answer(request, this.response)).thenThrow(new ClientAbortException("connection reset"));

		this.valve.invoke(request, this.response);

		verify(this.response).setError();
		verify(this.next, never()).invoke(any(), any());
	}

	@Test
	void itSupportsAsyncRequestsSoThePipelineStillDoes() {
		assertThat(this.valve.isAsyncSupported()).isTrue();
	}

	private static Request request(String method, String uri) {
		Request request = mock(Request.class);
		when(request.getMethod()).thenReturn(method);
		when(request.getRequestURI()).thenReturn(uri);
		when(request.getContextPath()).thenReturn("");
		return request;
	}

}
