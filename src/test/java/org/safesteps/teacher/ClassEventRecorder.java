package org.safesteps.teacher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

import org.safesteps.classroom.ClassEvents;

/** Keeps the class events published while a test runs (requests run on server threads). */
@TestConfiguration(proxyBeanMethods = false)
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
