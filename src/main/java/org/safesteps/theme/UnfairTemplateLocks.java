package org.safesteps.theme;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.engine.AttributeDefinitions;
import org.thymeleaf.engine.ElementDefinitions;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives Thymeleaf's registries of element and attribute definitions non-fair locks.
 * <p>
 * Thymeleaf (3.1.5, and still 3.1.7) guards each registry with a <em>fair</em> read-write lock and
 * takes its read lock for every attribute a processor sets that is not a standard HTML one: every
 * {@code aria-*} and {@code data-*} of a page, dozens a page. A fair lock queues each new reader
 * behind any thread already waiting. Once one thread had to wait (a name registered the first time
 * a template sets it), on two busy cores the queue never emptied again: in the first 9:00 burst
 * after a start (recorded with JFR), request threads parked there 63,336 times in 50 s, 1,254 s in
 * all; without JFR the learners of that burst waited 1,095 ms (p50) for their first lesson, against
 * 90 ms in the next burst, which started with no one waiting; with non-fair locks, 27 and 12 ms
 * (docs/performance.md, "The first burst: a queue on a fair lock"). A non-fair
 * lock lets a reader in whenever no writer holds it; Thymeleaf's own proposal does the same
 * (thymeleaf/thymeleaf pull request 938, "Use nonfair locks").
 * <p>
 * The locks are swapped once, for the application's template engine, when the bean is made and
 * before it renders anything (the registries are the engine's own, built by its first
 * {@code getConfiguration()}). Should a Thymeleaf upgrade rename the fields, the engine keeps its
 * fair locks, a warning says so, and {@code UnfairTemplateLocksTest} fails.
 */
final class UnfairTemplateLocks implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(UnfairTemplateLocks.class);

	private static final List<String> ATTRIBUTE_REPOSITORIES = List.of("htmlAttributeRepository", "xmlAttributeRepository",
			"textAttributeRepository", "javascriptAttributeRepository", "cssAttributeRepository");

	private static final List<String> ELEMENT_REPOSITORIES = List.of("htmlElementRepository", "xmlElementRepository",
			"textElementRepository", "javascriptElementRepository", "cssElementRepository");

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TemplateEngine engine) {
			swap(engine);
		}
		return bean;
	}

	/** Swaps the locks of {@code engine}'s registries; how many were swapped (0: none, a warning says why). */
	static int swap(TemplateEngine engine) {
		// every field found first, so that either every registry gets its new lock or none does
		List<Field[]> found = new ArrayList<>();
		List<Object> repositories = new ArrayList<>();
		try {
			AttributeDefinitions attributes = engine.getConfiguration().getAttributeDefinitions();
			ElementDefinitions elements = engine.getConfiguration().getElementDefinitions();
			for (String name : ATTRIBUTE_REPOSITORIES) {
				repositories.add(field(attributes.getClass(), name).get(attributes));
			}
			for (String name : ELEMENT_REPOSITORIES) {
				repositories.add(field(elements.getClass(), name).get(elements));
			}
			for (Object repository : repositories) {
				Class<?> type = repository.getClass();
				found.add(new Field[] { field(type, "lock"), field(type, "readLock"), field(type, "writeLock") });
			}
			for (int i = 0; i < repositories.size(); i++) {
				ReentrantReadWriteLock unfair = new ReentrantReadWriteLock(false);
				found.get(i)[0].set(repositories.get(i), unfair);
				found.get(i)[1].set(repositories.get(i), unfair.readLock());
				found.get(i)[2].set(repositories.get(i), unfair.writeLock());
			}
			return repositories.size();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.warn("Thymeleaf's template registries keep their fair locks (a burst of requests may queue on them): {}",
					ex.toString());
			return 0;
		}
	}

	private static Field field(Class<?> type, String name) throws NoSuchFieldException {
		Field field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

}
