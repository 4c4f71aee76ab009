package org.safesteps.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;

/**
 * A fresh pair of classes for one request: class A (owner teacher A, co-teacher A, one learner,
 * one assigned module) and class B (teacher B, one learner), with learner cookies made as the
 * app makes them (a random token whose SHA-256 is stored).
 */
record World(SchoolClass classA, SchoolClass classB, String tokenA, String tokenB, String pseudonymA,
		String victimId, String victimEmail, String coTeacherId, String moduleId, String pageId) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static World create(MongoTemplate mongo, ClassStore classes, AssignmentStore assignments, AccountStore accounts,
			Map<String, Account> teachers, String moduleId, String pageId, boolean needsAccount) {
		SchoolClass classA = classes.create("Class A", Band.AGES_11_13, teachers.get("teacherA").id());
		classes.addTeacher(classA.id(), teachers.get("coTeacherA").id());
		SchoolClass classB = classes.create("Class B", Band.AGES_11_13, teachers.get("teacherB").id());
		assignments.assign(classA.id(), moduleId, null, 0);
		String pseudonymA = "Otter " + UUID.randomUUID().toString().substring(0, 8);
		String tokenA = learner(mongo, classA.id(), pseudonymA);
		String tokenB = learner(mongo, classB.id(), "Heron " + UUID.randomUUID().toString().substring(0, 8));
		// a third teacher only where a route acts on an account (hashing a password is slow)
		Account victim = needsAccount ? accounts.create("victim-" + UUID.randomUUID() + "@school.example", "Victim",
				"long enough victim passphrase", false) : null;
		return new World(classA, classB, tokenA, tokenB, pseudonymA, (victim != null) ? victim.id() : "no-account",
				(victim != null) ? victim.email() : "nobody@school.example",
				teachers.get("coTeacherA").id(), moduleId, pageId);
	}

	/** Path variables, all pointing at class A's things. */
	Map<String, String> variables(String pattern) {
		return Map.ofEntries(Map.entry("classId", this.classA.id()),
				Map.entry("accountId", pattern.startsWith("/admin") ? this.victimId : this.coTeacherId),
				Map.entry("moduleId", this.moduleId), Map.entry("bandId", "ages-11-13"),
				Map.entry("pageId", this.pageId), Map.entry("token", "not-a-real-invitation-token"),
				Map.entry("paper", "dpia"), Map.entry("registrationId", "000000000000000000000000"),
				Map.entry("name", "safesteps-backup-20261205-030000Z.tar.gz"), Map.entry("phase", "before"));
	}

	/** Plausible fields for each form, so an allowed request does what it is for. */
	List<Map.Entry<String, String>> fields(String route) {
		return switch (route) {
			case "POST /join" -> List.of(Map.entry("code", this.classA.joinCode()));
			case "POST /learn/{moduleId}/quiz" -> List.of(Map.entry("submissionId", UUID.randomUUID().toString()));
			case "POST /admin/teachers" -> List.of(Map.entry("email", "new-" + UUID.randomUUID() + "@school.example"));
			case "POST /admin/teachers/{accountId}/status" -> List.of(Map.entry("status", "DISABLED"));
			case "POST /teacher/classes" -> List.of(Map.entry("name", "Class C"), Map.entry("band", "AGES_11_13"));
			case "POST /teacher/classes/{classId}/joining" -> List.of(Map.entry("open", "false"));
			case "POST /teacher/classes/{classId}/teachers" -> List.of(Map.entry("email", this.victimEmail));
			case "POST /teacher/classes/{classId}/assignments" -> List.of(Map.entry("moduleId", this.moduleId));
			case "POST /teacher/classes/{classId}/assignments/{moduleId}/move" -> List.of(Map.entry("direction", "down"));
			case "POST /teacher/classes/{classId}/learners/remove", "GET /teacher/classes/{classId}/learner" ->
				List.of(Map.entry("pseudonym", this.pseudonymA));
			case "GET /help" -> List.of(Map.entry("country", "GB"));
			case "POST /admin/lti" -> List.of(Map.entry("name", "Moodle"), Map.entry("issuer", "https://moodle.school.example"),
					Map.entry("clientId", UUID.randomUUID().toString()), Map.entry("deploymentIds", "1"),
					Map.entry("authUrl", "https://moodle.school.example/mod/lti/auth.php"),
					Map.entry("tokenUrl", "https://moodle.school.example/mod/lti/token.php"),
					Map.entry("jwksUrl", "https://moodle.school.example/mod/lti/certs.php"), Map.entry("frameOrigin", ""),
					Map.entry("defaultBand", "AGES_11_13"));
			case "POST /admin/lti/{registrationId}/enabled" -> List.of(Map.entry("enabled", "false"));
			default -> List.of();
		};
	}

	static String learner(MongoTemplate mongo, String classId, String pseudonym) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		mongo.getCollection("learners")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("classId", classId)
				.append("pseudonym", pseudonym)
				.append("band", "AGES_11_13")
				.append("tokenHash", sha256(token))
				.append("resumeHash", null)
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
		return token;
	}

	static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
