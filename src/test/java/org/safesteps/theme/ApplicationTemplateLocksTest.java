package org.safesteps.theme;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safesteps.theme.UnfairTemplateLocksTest.read;

/** The application's template engine renders with the non-fair locks of {@link UnfairTemplateLocks}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTemplateLocksTest {

	@Autowired
	TemplateEngine engine;

	@Test
	void theApplicationsEngineHasNonFairRegistryLocks() throws Exception {
		Object attributes = this.engine.getConfiguration().getAttributeDefinitions();
		Object html = read(attributes, "htmlAttributeRepository");

		assertThat(((ReentrantReadWriteLock) read(html, "lock")).isFair()).isFalse();
		Object elements = read(this.engine.getConfiguration().getElementDefinitions(), "htmlElementRepository");
		assertThat(((ReentrantReadWriteLock) read(elements, "lock")).isFair()).isFalse();
	}

}
