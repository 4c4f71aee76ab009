package org.safesteps.lti;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

import org.safesteps.account.Account;
import org.safesteps.account.PlatformSignIn;
import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.learner.PlatformLearners;
import org.safesteps.lti.LaunchRefused.Reason;
import org.safesteps.session.CrossSiteBrowsing;

/**
 * Where a verified launch leads. An instructor is signed in as their teacher account and lands on
 * the course's class (made on the first launch, shared with the course's other instructors); the
 * link's module is assigned unless it is sensitive, which a teacher assigns by confirming its
 * notes as usual. A learner enters the class as the same anonymous learner as last time and
 * lands in the link's lesson. A Deep Linking request takes its instructor to the module picker.
 */
@Service
class PlatformEntry {

	/** Where to go, and a message key for the class page, if any. */
	record Destination(String path, Optional<String> notice) {
	}

	private final PlatformUsers users;

	private final CourseLinks links;

	private final PlatformSignIn signIn;

	private final PlatformLearners learners;

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final Curriculum curriculum;

	private final DeepLinkRequests deepLinks;

	private final Gradebook gradebook;

	PlatformEntry(PlatformUsers users, CourseLinks links, PlatformSignIn signIn, PlatformLearners learners,
			ClassStore classes, AssignmentStore assignments, Curriculum curriculum, DeepLinkRequests deepLinks,
			Gradebook gradebook) {
		this.users = users;
		this.links = links;
		this.signIn = signIn;
		this.learners = learners;
		this.classes = classes;
		this.assignments = assignments;
		this.curriculum = curriculum;
		this.deepLinks = deepLinks;
		this.gradebook = gradebook;
	}

	Destination enter(Launch launch, HttpServletRequest request, HttpServletResponse response) {
		Registration registration = launch.registration();
		Band band = launch.band().map((id) -> Band.fromId(id).orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_MODULE)))
			.orElse(registration.defaultBand());
		Optional<Module> module = launch.module()
			.map((id) -> this.curriculum.module(id).filter((found) -> found.hasBand(band))
				.orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_MODULE)));
		String userKey = this.users.keyOf(registration.issuer(), launch.subject());
		// from here on, cookies and headers are written for a browser inside the platform's frame
		CrossSiteBrowsing.allow(request, registration.framingOrigin());
		FrameMarker.write(request, response, registration.id());
		if (launch.deepLinking().isPresent()) {
			return deepLinking(launch, band, userKey, request, response);
		}
		return launch.isInstructor() ? instructor(launch, band, module, userKey, request, response)
				: learner(launch, band, module, userKey, request, response);
	}

	private Destination instructor(Launch launch, Band band, Optional<Module> module, String userKey,
			HttpServletRequest request, HttpServletResponse response) {
		Account teacher = teacher(launch, userKey);
		SchoolClass schoolClass = classFor(launch, band, teacher);
		this.gradebook.instructorLaunched(launch, schoolClass.id(), module.map(Module::id));
		Optional<String> notice = Optional.empty();
		if (module.isPresent() && !isAssigned(schoolClass.id(), module.get().id())) {
			if (module.get().sensitive()) {
				notice = Optional.of("lti.notice.confirm-sensitive");
			}
			else {
				this.assignments.assign(schoolClass.id(), module.get().id(), null,
						this.assignments.nextPosition(schoolClass.id()));
				notice = Optional.of("lti.notice.assigned");
			}
		}
		this.signIn.signIn(teacher, request, response);
		return new Destination("/teacher/classes/" + schoolClass.id(), notice);
	}

	/** Only instructors add activities: they choose modules on SafeSteps' page, signed in as themselves. */
	private Destination deepLinking(Launch launch, Band band, String userKey, HttpServletRequest request,
			HttpServletResponse response) {
		if (!launch.isInstructor()) {
			throw new LaunchRefused(Reason.NOT_INSTRUCTOR);
		}
		Account teacher = teacher(launch, userKey);
		this.signIn.signIn(teacher, request, response);
		return new Destination("/lti/deep-link/" + this.deepLinks.create(launch, teacher.id()) + "?band=" + band.id(),
				Optional.empty());
	}

	private Account teacher(Launch launch, String userKey) {
		Registration registration = launch.registration();
		Optional<String> known = this.users.teacherAccount(userKey);
		if (known.isPresent()) {
			return this.signIn.findActive(known.get()).orElseThrow(() -> new LaunchRefused(Reason.TEACHER_UNKNOWN));
		}
		if (!registration.createsTeachers()) {
			throw new LaunchRefused(Reason.TEACHER_UNKNOWN);
		}
		Account created = this.signIn.createTeacher(launch.instructorName().orElse(null),
				URI.create(registration.issuer()).getHost(), userKey);
		this.users.setTeacherAccount(userKey, created.id());
		return created;
	}

	/** The course's class: the linked one (the instructor joins it as a co-teacher), or a new one they own. */
	private SchoolClass classFor(Launch launch, Band band, Account teacher) {
		Registration registration = launch.registration();
		Optional<SchoolClass> linked = this.links.classFor(registration, launch.contextId(), band)
			.flatMap(this.classes::findById);
		if (linked.isPresent()) {
			if (!linked.get().isTaughtBy(teacher.id())) {
				this.classes.addTeacher(linked.get().id(), teacher.id());
			}
			return linked.get();
		}
		boolean wasLinked = this.links.classFor(registration, launch.contextId(), band).isPresent();
		SchoolClass created = this.classes.create(launch.contextTitle() + " (" + band.label() + ")", band, teacher.id());
		if (wasLinked) {
			// the linked class was deleted in SafeSteps: the course starts again with this one
			this.links.relink(registration, launch.contextId(), band, created.id());
			return created;
		}
		String classId = this.links.link(registration, launch.contextId(), band, launch.contextTitle(), created.id());
		if (!classId.equals(created.id())) {
			// another instructor's first launch linked a class a moment earlier: use theirs
			this.classes.delete(created.id());
			this.classes.addTeacher(classId, teacher.id());
			return this.classes.findById(classId).orElseThrow(() -> new LaunchRefused(Reason.CLASS_NOT_READY));
		}
		return created;
	}

	private Destination learner(Launch launch, Band band, Optional<Module> module, String userKey,
			HttpServletRequest request, HttpServletResponse response) {
		SchoolClass schoolClass = this.links.classFor(launch.registration(), launch.contextId(), band)
			.flatMap(this.classes::findById)
			.orElseThrow(() -> new LaunchRefused(Reason.CLASS_NOT_READY));
		String learnerId = this.learners.enter(this.users.learnerIn(userKey, schoolClass.id()), schoolClass.id(),
				schoolClass.band(), request, response);
		this.users.setLearner(userKey, schoolClass.id(), learnerId);
		this.gradebook.learnerLaunched(launch, schoolClass.id(), module.map(Module::id), learnerId, request, response);
		boolean assigned = module.isPresent() && isAssigned(schoolClass.id(), module.get().id());
		return new Destination(assigned ? "/learn/" + module.get().id() : "/learn", Optional.empty());
	}

	private boolean isAssigned(String classId, String moduleId) {
		return this.assignments.forClass(classId).stream().map(Assignment::moduleId).anyMatch(moduleId::equals);
	}

}
