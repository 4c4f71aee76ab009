package org.safesteps.teacher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.safesteps.classroom.ClassEvents;

/**
 * Keeps the class events published while a test runs (requests run on server threads). A component
 * of the test sources, so every test application has it (the application's component scan reaches
 * the test classes): the tests that read it share the one cached application instead of starting
 * one with an imported configuration of their own. A test clears it before it acts.
 */
@Component
class ClassEventRecorder {

	final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void learnerRemoved(ClassEvents.LearnerRemoved event) {
		this.events.add(event);
	}

	@EventListener
	void classDeleted(ClassEvents.ClassDeleted event) {
		this.events.add(event);
	}

}
