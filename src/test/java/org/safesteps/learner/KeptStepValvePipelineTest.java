package org.safesteps.learner;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import org.safesteps.content.Band;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the running application, a kept step is answered by {@link KeptStepValve} before the request
 * reaches the servlet container's filters, and everything else still reaches them. A counting valve
 * is put behind it for the test (where the container's filter chain starts). The default test
 * application (themes trusted for an hour, as for KeptStepFilterTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeptStepValvePipelineTest {

	private static final String STEP = "/learn/trusted-adults?step=2";

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	KeptStepFilter filter;

	@Autowired
	LearnerStore store;

	@Autowired
	KeptAssetFilter assets;

	@Test
	void aKeptStepIsAnsweredBeforeTheFiltersAndOtherRequestsReachThem() {
		Pipeline pipeline = applicationPipeline();
		assertThat(Arrays.stream(pipeline.getValves()).filter(KeptStepValve.class::isInstance)).hasSize(1);
		Counting counting = new Counting();
		pipeline.addValve(counting);
		try {
			Browserless reader = new Browserless(this.port);
			String token = Secrets.newToken();
			this.store.create(null, Band.AGES_8_10, Secrets.sha256(token));
			reader.cookie(LearnerCookie.NAME, token);
			reader.get(STEP);
			reader.get(STEP);
			int reachedFilters = counting.requests.get();
			long served = this.filter.served();

			HttpResponse<String> kept = reader.get(STEP);

			assertThat(kept.statusCode()).isEqualTo(200);
			assertThat(kept.body()).contains("Step 2 of");
			assertThat(this.filter.served()).as("answered from the kept response").isEqualTo(served + 1);
			assertThat(counting.requests.get()).as("without reaching the filters").isEqualTo(reachedFilters);

			HttpResponse<String> notKept = reader.get("/learn/trusted-adults?step=2&x=1");
			assertThat(notKept.statusCode()).isNotEqualTo(500);
			assertThat(counting.requests.get()).as("a request the valve does not answer reaches the filters")
				.isEqualTo(reachedFilters + 1);
			assertThat(this.filter.served()).isEqualTo(served + 1);
		}
		finally {
			pipeline.removeValve(counting);
		}
	}

	@Test
	void anAssetReadFromTheThemesFolderIsNeverKept() {
		Browserless reader = new Browserless(this.port);
		long served = this.assets.served();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> css = reader.get("/assets/base/site.css");
			assertThat(css.statusCode()).isEqualTo(200);
			assertThat(css.headers().firstValue("Cache-Control")).as("edited in the folder: read again").contains("no-cache");
		}
		assertThat(this.assets.served()).as("an edit shows on the next request").isEqualTo(served);
	}

	private Pipeline applicationPipeline() {
		return applicationPipeline(this.context);
	}

	/** The pipeline of the application's context in the running Tomcat. */
	static Pipeline applicationPipeline(ServletWebServerApplicationContext context) {
		Container host = ((TomcatWebServer) context.getWebServer()).getTomcat().getHost();
		Container[] contexts = host.findChildren();
		assertThat(contexts).hasSize(1);
		return contexts[0].getPipeline();
	}

	/** Counts the requests passed on towards the filter chain. */
	static final class Counting extends ValveBase {

		final AtomicInteger requests = new AtomicInteger();

		Counting() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			this.requests.incrementAndGet();
			getNext().invoke(request, response);
		}

	}

}
