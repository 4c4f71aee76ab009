package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Frameworks, what lessons cover, and confidence checks: read, checked with file:line, and reported as a gap list. */
class EvidenceTest {

	private static final String FRIENDS = "modules/online-friends/";

	private static final String FRAMEWORK = """
			id: test-framework
			name: A test framework
			edition: "2020"
			publisher: Nobody
			source: https://example.org/framework
			checked: 2026-12-05
			wording: quoted
			statements:
			  - id: tf-know-someone
			    strand: Online relationships
			    ages: 7-11
			    bands: [ages-8-10]
			    text: "I can explain what it means to know someone online."
			    source: https://example.org/framework#1
			  - id: tf-passwords
			    strand: Privacy and security
			    ages: 7-11
			    bands: [ages-8-10]
			    text: "I can keep passwords private."
			    source: https://example.org/framework#2
			  - id: tf-older
			    strand: Online relationships
			    ages: 11-14
			    bands: [ages-11-13]
			    text: "I can assess trust online."
			    source: https://example.org/framework#3
			""";

	private static final String COVERS = """
			covers:
			  - band: ages-8-10
			    statements:
			      - tf-know-someone
			""";

	private static final String CHECK = """
			statements:
			  - id: who-to-tell
			    text: "I know who I would tell."
			  - id: spot-tricks
			    text: "I can spot a tricky online friend."
			""";

	private static TestContent withFramework() {
		return TestContent.valid()
			.with("frameworks/test-framework.yml", FRAMEWORK)
			.with(FRIENDS + "module.yml", TestContent.valid().text(FRIENDS + "module.yml") + COVERS)
			.with(FRIENDS + "ages-8-10.check.yml", CHECK);
	}

	@Test
	void frameworkCoverageAndCheckAreReadIntoTheCurriculum() {
		Evidence evidence = withFramework().curriculum().evidence();

		Framework framework = evidence.framework("test-framework").orElseThrow();
		assertThat(framework.checked()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(framework.wording()).isEqualTo(Framework.Wording.QUOTED);
		assertThat(framework.strands()).containsExactly("Online relationships", "Privacy and security");
		assertThat(evidence.covered("online-friends", Band.AGES_8_10)).extracting(FrameworkStatement::id)
			.containsExactly("tf-know-someone");
		assertThat(evidence.check("online-friends", Band.AGES_8_10).orElseThrow().statements())
			.extracting(ConfidenceCheck.Statement::id).containsExactly("who-to-tell", "spot-tricks");
		assertThat(evidence.check("sextortion", Band.AGES_11_13)).isEmpty();
	}

	@Test
	void theGapListHasTheStatementsOfABandNoLessonCovers() {
		Evidence evidence = withFramework().curriculum().evidence();

		assertThat(evidence.gaps(Band.AGES_8_10)).extracting(FrameworkStatement::id).containsExactly("tf-passwords");
		assertThat(evidence.gaps(Band.AGES_11_13)).extracting(FrameworkStatement::id).containsExactly("tf-older");
		assertThat(evidence.gaps(Band.AGES_5_7)).isEmpty();
	}

	@Test
	void anUnknownStatementIdFailsTheCheckWithItsFileAndLine() {
		assertThat(withFramework().replace(FRIENDS + "module.yml", "      - tf-know-someone", "      - tf-no-such-thing")
			.problems()).containsExactly(
					"modules/online-friends/module.yml:15: unknown framework statement 'tf-no-such-thing': no file in frameworks/ has it");
	}

	@Test
	void aStatementForAnotherAgeRangeIsReported() {
		assertThat(withFramework().replace(FRIENDS + "module.yml", "      - tf-know-someone", "      - tf-older")
			.problems()).containsExactly("modules/online-friends/module.yml:15: statement 'tf-older' is for ages 11-14, not ages-8-10");
	}

	@Test
	void coveringABandTheModuleDoesNotListIsReported() {
		assertThat(withFramework().replace(FRIENDS + "module.yml", "  - band: ages-8-10", "  - band: ages-11-13")
			.problems()).contains("modules/online-friends/module.yml:13: covers band ages-11-13, which module.yml does not list");
	}

	@Test
	void frameworkFieldsAreRequiredAndChecked() {
		// Values of the wrong kind are all reported, and the references to the file's statements wait for them.
		assertThat(withFramework()
			.replace("frameworks/test-framework.yml", "checked: 2026-12-05", "checked: last week")
			.replace("frameworks/test-framework.yml", "wording: quoted", "wording: roughly")
			.problems()).containsExactly(
					"frameworks/test-framework.yml:6: 'checked' should be a date (YYYY-MM-DD), not 'last week'",
					"frameworks/test-framework.yml:7: 'wording' should be quoted or paraphrased, not 'roughly'");
		assertThat(withFramework()
			.replace("frameworks/test-framework.yml", "    bands: [ages-8-10]\n    text: \"I can keep", "    bands: [ages-3-4]\n    text: \"I can keep")
			.problems()).contains(
					"frameworks/test-framework.yml:18: unknown band 'ages-3-4' (ages-5-7, ages-8-10, ages-11-13, ages-14-17)");
	}

	@Test
	void duplicateStatementIdsAcrossFrameworksAreReported() {
		String other = FRAMEWORK.replace("id: test-framework", "id: other-framework");
		assertThat(withFramework().with("frameworks/other-framework.yml", other).problems())
			.contains("frameworks/test-framework.yml:9: duplicate statement id 'tf-know-someone' (also in frameworks/other-framework.yml)");
	}

	@Test
	void aCheckNeedsTwoToFourStatements() {
		String one = """
				statements:
				  - id: who-to-tell
				    text: "I know who I would tell."
				""";
		assertThat(withFramework().with(FRIENDS + "ages-8-10.check.yml", one).problems())
			.containsExactly("modules/online-friends/ages-8-10.check.yml:1: a confidence check has 2 to 4 statements, not 1");
	}

	@Test
	void aCheckForABandTheModuleDoesNotListIsReported() {
		assertThat(withFramework().with(FRIENDS + "ages-5-7.check.yml", CHECK).problems())
			.containsExactly("modules/online-friends/ages-5-7.check.yml:1: confidence check for band ages-5-7, which module.yml does not list");
	}

	@Test
	void theContentCheckPrintsTheGapList() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = ContentCheck.run(withFramework().source(), new PrintStream(bytes, true, StandardCharsets.UTF_8),
				TestContent.TODAY);
		String out = bytes.toString(StandardCharsets.UTF_8);

		assertThat(status).isZero();
		assertThat(out).contains("Framework statements no lesson covers (gap list):", "  ages-8-10: 1 not covered",
				"tf-passwords", "  ages-5-7: none");
	}

	@Test
	void theShippedFrameworksParseWithTheirSourcesAndStrands() {
		Evidence evidence = shipped().evidence();

		assertThat(evidence.frameworks()).extracting(Framework::id)
			.containsExactly("kcsie-4cs", "rshe-england", "ukcis-efacw-2020");
		assertThat(evidence.framework("ukcis-efacw-2020").orElseThrow().strands()).contains("Self-image and identity",
				"Online relationships", "Online reputation", "Privacy and security", "Health, wellbeing and lifestyle");
		assertThat(evidence.framework("kcsie-4cs").orElseThrow().strands()).containsExactly("Content", "Contact",
				"Conduct", "Commerce");
		assertThat(evidence.framework("kcsie-4cs").orElseThrow().wording()).isEqualTo(Framework.Wording.PARAPHRASED);
		for (Framework framework : evidence.frameworks()) {
			assertThat(framework.checked()).as(framework.id()).isEqualTo(LocalDate.of(2026, 12, 5));
			assertThat(framework.statements()).as(framework.id()).allSatisfy(statement ->
					assertThat(statement.source()).startsWith("https://"));
		}
	}

	@Test
	void everyShippedLessonCoversStatementsAndHasACheckOfTwoToFourStatements() {
		Curriculum curriculum = shipped();
		for (Module module : curriculum.modules()) {
			for (Band band : module.bands()) {
				String where = module.id() + " " + band.id();
				assertThat(curriculum.evidence().covered(module.id(), band)).as(where).isNotEmpty();
				List<ConfidenceCheck.Statement> statements = curriculum.evidence().check(module.id(), band)
					.orElseThrow(() -> new AssertionError("no confidence check for " + where)).statements();
				assertThat(statements).as(where).hasSizeBetween(2, 4);
			}
		}
	}

	private static Curriculum shipped() {
		LoadResult result = new CurriculumLoader().load(ContentSource.directory(Path.of("content")), TestContent.TODAY);
		assertThat(result.errors()).isEmpty();
		return result.curriculum();
	}

}
