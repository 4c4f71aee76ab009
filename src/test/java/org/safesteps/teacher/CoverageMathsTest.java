package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.safesteps.content.Band;
import org.safesteps.content.Evidence;
import org.safesteps.content.Framework;
import org.safesteps.content.FrameworkStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage on a hand-built curriculum: which statements a class's modules cover, with whose completion, and the floor of 5. */
class CoverageMathsTest {

	private static final FrameworkStatement KNOW = statement("know", "Relationships", Band.AGES_8_10);

	private static final FrameworkStatement TRUST = statement("trust", "Relationships", Band.AGES_8_10);

	private static final FrameworkStatement PASSWORDS = statement("passwords", "Privacy", Band.AGES_8_10);

	private static final FrameworkStatement OLDER = statement("older", "Relationships", Band.AGES_11_13);

	private static final Evidence EVIDENCE = new Evidence(
			List.of(new Framework("fw", "A framework", "2020", "Someone", "https://example.org", LocalDate.of(2026, 12, 5),
					Framework.Wording.QUOTED, List.of(KNOW, TRUST, PASSWORDS, OLDER))),
			Map.of("friends", Map.of(Band.AGES_8_10, List.of("know", "trust"), Band.AGES_11_13, List.of("older")),
					"adults", Map.of(Band.AGES_8_10, List.of("trust"))),
			Map.of(), Map.of());

	@Test
	void aClassSeesEveryStatementOfItsBandByStrandWithTheAssignedModulesThatCoverIt() {
		ClassCoverage coverage = ClassCoverage.build(EVIDENCE, Band.AGES_8_10, 20, List.of(
				new ClassCoverage.AssignedModule("friends", "Friends", 10, null),
				new ClassCoverage.AssignedModule("adults", "Adults", 5, null)));

		ClassCoverage.FrameworkSection framework = coverage.frameworks().get(0);
		assertThat(framework.strands()).extracting(ClassCoverage.StrandSection::strand).containsExactly("Relationships", "Privacy");
		List<ClassCoverage.StatementLine> relationships = framework.strands().get(0).statements();
		assertThat(relationships).extracting((line) -> line.statement().id()).containsExactly("know", "trust");
		assertThat(relationships.get(0).modules()).extracting(ClassCoverage.Covering::title).containsExactly("Friends");
		assertThat(relationships.get(1).modules()).extracting(ClassCoverage.Covering::title).containsExactly("Friends", "Adults");
		assertThat(relationships.get(1).modules().get(0).completed().percent()).isEqualTo(50);
		assertThat(relationships.get(1).modules().get(1).completed().percent()).isEqualTo(25);
		assertThat(framework.strands().get(1).statements().get(0).covered()).as("passwords: a gap").isFalse();
		assertThat(framework.covered()).isEqualTo(2);
		assertThat(framework.total()).as("the 11-13 statement is not for this band").isEqualTo(3);
	}

	@Test
	void modulesNotAssignedCoverNothing() {
		ClassCoverage coverage = ClassCoverage.build(EVIDENCE, Band.AGES_8_10, 20,
				List.of(new ClassCoverage.AssignedModule("adults", "Adults", 0, null)));

		assertThat(coverage.frameworks().get(0).covered()).isEqualTo(1);
	}

	@Test
	void aModuleTaughtFromTheFrontCarriesItsDayToEveryStatementItCovers() {
		ClassCoverage coverage = ClassCoverage.build(EVIDENCE, Band.AGES_8_10, 0, List.of(
				new ClassCoverage.AssignedModule("friends", "Friends", 0, LocalDate.of(2026, 11, 30))));

		List<ClassCoverage.StatementLine> relationships = coverage.frameworks().get(0).strands().get(0).statements();
		assertThat(relationships).allSatisfy((line) -> assertThat(line.modules()).singleElement()
			.extracting(ClassCoverage.Covering::taughtOn).isEqualTo(LocalDate.of(2026, 11, 30)));
		assertThat(coverage.frameworks().get(0).covered()).as("covered with no learner at all").isEqualTo(2);
	}

	@Test
	void aBandWithoutStatementsHasNoSections() {
		assertThat(ClassCoverage.build(EVIDENCE, Band.AGES_5_7, 20, List.of()).frameworks()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "0, false", "1, false", "4, false", "5, true", "30, true" })
	void figuresAreShownFromFiveLearners(int learners, boolean shown) {
		ClassCoverage coverage = ClassCoverage.build(EVIDENCE, Band.AGES_8_10, learners,
				List.of(new ClassCoverage.AssignedModule("friends", "Friends", Math.min(learners, 2), null)));

		assertThat(coverage.sharesShown()).isEqualTo(shown);
		assertThat(coverage.frameworks().get(0).strands().get(0).statements().get(0).modules().get(0).completed().shown())
			.isEqualTo(shown);
	}

	@Test
	void theSchoolCountsPerBandTheClassesCoveringEachStatementAndTheirLearners() {
		SchoolCoverage school = SchoolCoverage.build(EVIDENCE, List.of(
				new SchoolCoverage.ClassUnit(Band.AGES_8_10, 25, List.of("friends"), List.of()),
				new SchoolCoverage.ClassUnit(Band.AGES_8_10, 3, List.of("adults"), List.of("adults")),
				new SchoolCoverage.ClassUnit(Band.AGES_8_10, 12, List.of(), List.of()),
				new SchoolCoverage.ClassUnit(Band.AGES_11_13, 4, List.of("friends"), List.of())));

		SchoolCoverage.BandSection middle = band(school, Band.AGES_8_10);
		assertThat(middle.classes()).isEqualTo(3);
		assertThat(middle.learners()).isEqualTo(40);
		List<SchoolCoverage.StatementRow> rows = middle.frameworks().get(0).rows();
		assertThat(rows).extracting((row) -> row.statement().id() + " " + row.classes() + " " + row.learners())
			.containsExactly("know 1 25", "trust 2 28", "passwords 0 0");
		assertThat(rows).as("the small class was taught adults (covering trust) from the front")
			.extracting((row) -> row.statement().id() + " " + row.taughtClasses())
			.containsExactly("know 0", "trust 1", "passwords 0");
		SchoolCoverage.BandSection older = band(school, Band.AGES_11_13);
		assertThat(older.learnersShown()).as("4 learners: below the floor").isFalse();
		assertThat(older.frameworks().get(0).rows().get(0).learnersShown()).isFalse();
		assertThat(band(school, Band.AGES_5_7).classes()).isZero();
	}

	private static SchoolCoverage.BandSection band(SchoolCoverage school, Band band) {
		return school.bands().stream().filter((section) -> section.band() == band).findFirst().orElseThrow();
	}

	private static FrameworkStatement statement(String id, String strand, Band band) {
		return new FrameworkStatement(id, "fw", strand, "some ages", List.of(band), "Statement " + id, "https://example.org/" + id);
	}

}
