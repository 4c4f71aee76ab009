package org.safesteps.theme;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thymeleaf's registries of attribute and element definitions get non-fair locks, and pages render
 * as before. Fails when a Thymeleaf upgrade renames what {@link UnfairTemplateLocks} changes (then
 * look whether Thymeleaf's locks are still fair: thymeleaf/thymeleaf pull request 938).
 */
class UnfairTemplateLocksTest {

	@Test
	void everyRegistryOfAFreshEngineIsFairUntilSwappedThenNotFair() throws Exception {
		TemplateEngine engine = engine();
		// the premise: Thymeleaf made them fair (if a release makes them non-fair, this class can go)
		assertThat(locks(engine)).hasSize(10).allMatch(ReentrantReadWriteLock::isFair);

		assertThat(UnfairTemplateLocks.swap(engine)).isEqualTo(10);

		assertThat(locks(engine)).hasSize(10).noneMatch(ReentrantReadWriteLock::isFair);
	}

	@Test
	void aPageSettingAriaAndDataAttributesRendersTheSameWithTheSwappedLocks() {
		String template = "<nav th:attr=\"aria-label=${label},data-present-step=${step}\"><a href=\"/learn\" "
				+ "th:attr=\"aria-current=${step == 2 ? 'page' : null}\">Lessons</a></nav>";
		TemplateEngine fair = engine();
		TemplateEngine unfair = engine();
		UnfairTemplateLocks.swap(unfair);
		Context context = new Context();
		context.setVariable("label", "Lesson steps");
		context.setVariable("step", 2);

		String page = unfair.process(template, context);

		assertThat(page).isEqualTo(fair.process(template, context))
			.contains("aria-label=\"Lesson steps\"", "data-present-step=\"2\"", "aria-current=\"page\"");
	}

	@Test
	void theLocksLeadToTheRegistriesOwnReadAndWriteLocks() throws Exception {
		TemplateEngine engine = engine();
		UnfairTemplateLocks.swap(engine);
		for (Object repository : repositories(engine)) {
			ReentrantReadWriteLock lock = (ReentrantReadWriteLock) read(repository, "lock");
			assertThat(read(repository, "readLock")).isSameAs(lock.readLock());
			assertThat(read(repository, "writeLock")).isSameAs(lock.writeLock());
		}
	}

	private static TemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		return engine;
	}

	private static List<ReentrantReadWriteLock> locks(TemplateEngine engine) throws Exception {
		List<ReentrantReadWriteLock> locks = new ArrayList<>();
		for (Object repository : repositories(engine)) {
			locks.add((ReentrantReadWriteLock) read(repository, "lock"));
		}
		return locks;
	}

	private static List<Object> repositories(TemplateEngine engine) throws Exception {
		List<Object> repositories = new ArrayList<>();
		Object attributes = engine.getConfiguration().getAttributeDefinitions();
		Object elements = engine.getConfiguration().getElementDefinitions();
		for (String kind : List.of("html", "xml", "text", "javascript", "css")) {
			repositories.add(read(attributes, kind + "AttributeRepository"));
			repositories.add(read(elements, kind + "ElementRepository"));
		}
		return repositories;
	}

	/** A private field of Thymeleaf's, as {@link UnfairTemplateLocks} reads it. */
	static Object read(Object owner, String name) throws Exception {
		Field field = owner.getClass().getDeclaredField(name);
		field.setAccessible(true);
		return field.get(owner);
	}

}
