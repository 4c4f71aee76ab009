package org.safesteps.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the tests that sweep every route share (the authorisation matrix, the fuzzer): the whole app
 * on a random port, its routes from Spring MVC's handler mapping, teacher accounts, a fresh
 * {@link World} of classes and learners, and browsers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RouteSweep {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	List<Routes.Route> routes() {
		return Routes.all(this.mapping);
	}

	/** The module the worlds' classes have assigned: the first of ages 11-13 (their band). */
	String moduleId() {
		return this.curriculum.modulesFor(Band.AGES_11_13).get(0).id();
	}

	/** A teacher or admin account with a unique address. */
	Account account(String label, String password, boolean admin) {
		return this.accounts.create(label + "-" + UUID.randomUUID() + "@school.example", label, password, admin);
	}

	/**
	 * Fresh classes A and B for one request.
	 *
	 * @param teachers "teacherA", "coTeacherA" and "teacherB"
	 * @param needsAccount whether the route acts on an account (a third teacher is made for it)
	 */
	World world(Map<String, Account> teachers, boolean needsAccount) {
		return World.create(this.mongo, this.classes, this.assignments, this.accounts, teachers, moduleId(),
				this.curriculum.guideList().get(0).id(), needsAccount);
	}

	Browserless browser() {
		return new Browserless(this.port);
	}

}
