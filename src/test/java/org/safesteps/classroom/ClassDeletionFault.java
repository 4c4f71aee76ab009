package org.safesteps.classroom;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stands for a database failure in one of a class deletion's later steps, once, when a test arms
 * it. A component of the test sources, so every test application has it, unarmed (the
 * application's component scan reaches the test classes): ClassDeletionTest shares the one cached
 * application instead of starting one with an imported configuration of its own.
 */
@Component
class ClassDeletionFault {

	final AtomicBoolean armed = new AtomicBoolean();

	@EventListener
	void on(ClassEvents.ClassDeleted event) {
		if (this.armed.getAndSet(false)) {
			throw new IllegalStateException("Lost the database midway");
		}
	}

}
