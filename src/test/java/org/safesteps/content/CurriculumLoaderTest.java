package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CurriculumLoaderTest {

	@Test
	void validTreeLoadsWithoutProblems() {
		LoadResult result = TestContent.valid().load();

		assertThat(result.problems()).isEmpty();
		assertThat(result.curriculum()).isNotNull();
		assertThat(result.hasErrors()).isFalse();
	}

	@Test
	void modulesAreSortedByOrderAndCarryModuleYml() {
		Curriculum curriculum = TestContent.valid().curriculum();

		assertThat(curriculum.modules()).extracting(Module::id).containsExactly("sextortion", "online-friends");
		Module friends = curriculum.module("online-friends").orElseThrow();
		assertThat(friends.order()).isEqualTo(2);
		assertThat(friends.topic()).isEqualTo("friends");
		assertThat(friends.title()).isEqualTo("Friends you meet online");
		assertThat(friends.bands()).containsExactly(Band.AGES_8_10);
		assertThat(friends.objectives()).hasSize(2);
		assertThat(friends.minutes()).isEqualTo(30);
		assertThat(friends.sensitive()).isFalse();
		assertThat(friends.guideId()).isNull();
		assertThat(friends.lesson(Band.AGES_8_10)).isPresent();
		assertThat(friends.lesson(Band.AGES_5_7)).isEmpty();
		assertThat(friends.quiz(Band.AGES_8_10)).isPresent();
	}

	@Test
	void modulesForABandAreTheOnesThatListIt() {
		Curriculum curriculum = TestContent.valid().curriculum();

		assertThat(curriculum.modulesFor(Band.AGES_11_13)).extracting(Module::id).containsExactly("sextortion");
		assertThat(curriculum.modulesFor(Band.AGES_5_7)).isEmpty();
	}

	@Test
	void aModuleAndItsGuideNameEachOther() {
		Curriculum curriculum = TestContent.valid().curriculum();

		assertThat(curriculum.guide("sextortion").orElseThrow().modules()).containsExactly("sextortion");
		assertThat(curriculum.module("sextortion").orElseThrow().guideId()).isEqualTo("sextortion");
	}

	@Test
	void sextortionIsSensitiveWhateverModuleYmlSays() {
		Curriculum curriculum = TestContent.valid()
			.replace("modules/sextortion/module.yml", "sensitive: true", "sensitive: false")
			.curriculum();

		assertThat(curriculum.module("sextortion").orElseThrow().sensitive()).isTrue();
	}

	@Test
	void quizQuestionsKeepTheirTypesOptionsAndFeedback() {
		Quiz quiz = TestContent.valid().curriculum().module("online-friends").orElseThrow()
			.quiz(Band.AGES_8_10).orElseThrow();

		assertThat(quiz.questions()).extracting(Question::type)
			.containsExactly(QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE, QuestionType.ORDER,
					QuestionType.SCENARIO);
		Question scenario = quiz.question("sam-secret").orElseThrow();
		assertThat(scenario.story()).isEqualTo("Sam's new online friend asks Sam to keep their chats secret.");
		assertThat(scenario.option("tell").orElseThrow())
			.isEqualTo(new Option("tell", "Tell Dad", true, "Telling a trusted adult is the safest choice.",
					"Dad helps Sam block the player and report them."));
		Question order = quiz.question("what-first").orElseThrow();
		assertThat(order.options()).extracting(Option::id).containsExactly("stop", "tell");
		assertThat(order.story()).isNull();
		assertThat(quiz.question("tell-later").orElseThrow().correctOptions()).extracting(Option::id)
			.containsExactly("false");
	}

	@Test
	void helpDirectoryFallsBackToInternational() {
		HelpDirectory help = TestContent.valid().curriculum().help();

		assertThat(help.has("GB")).isTrue();
		assertThat(help.has("FR")).isFalse();
		assertThat(help.forCountry("gb").name()).isEqualTo("United Kingdom");
		assertThat(help.forCountry("FR").code()).isEqualTo("INTL");
		assertThat(help.forCountry("GB").servicesFor(Audience.PARENT)).extracting(HelpService::id)
			.containsExactly("ceop", "nspcc");
		assertThat(help.forCountry("GB").services().get(1).phone()).isEqualTo("0800 1111");
		assertThat(help.forCountry("GB").services().get(0).phone()).isNull();
	}

	@Test
	void versionIsTwelveHexCharactersThatChangeWithTheContent() {
		String version = TestContent.valid().curriculum().version();

		assertThat(version).matches("[0-9a-f]{12}");
		assertThat(TestContent.valid().curriculum().version()).isEqualTo(version);
		assertThat(TestContent.valid()
			.replace("modules/online-friends/ages-8-10.md", "Sam plays", "Sam often plays")
			.curriculum()
			.version()).isNotEqualTo(version);
	}

	@Test
	void curriculumIsImmutable() {
		Curriculum curriculum = TestContent.valid().curriculum();

		assertThatThrownBy(() -> curriculum.modules().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> curriculum.guides().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> curriculum.modules().get(0).lessons().clear())
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void sharedParserAndRendererGiveTheSameCurriculumFromManyThreads() throws Exception {
		ContentSource source = TestContent.valid().source();
		Curriculum expected = new CurriculumLoader().load(source, TestContent.TODAY).curriculum();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Curriculum>> loads = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				loads.add(threads.submit(() -> new CurriculumLoader().load(source, TestContent.TODAY).curriculum()));
			}
			for (Future<Curriculum> load : loads) {
				assertThat(load.get()).isEqualTo(expected);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void invalidContentFailsStartUpWithEveryProblemOnItsOwnLine() {
		LoadResult result = TestContent.valid()
			.replace("modules/online-friends/module.yml", "order: 2", "order: two")
			.replace("modules/online-friends/module.yml", "minutes: 30", "minutes: half an hour")
			.load();

		assertThat(result.curriculum()).isNull();
		assertThatThrownBy(result::orThrow).isInstanceOf(InvalidContentException.class)
			.hasMessage("modules/online-friends/module.yml:2: 'order' should be a whole number, not 'two'\n"
					+ "modules/online-friends/module.yml:10: 'minutes' should be a whole number, not 'half an hour'");
	}

	@Test
	void warningsDoNotStopLoading() {
		LoadResult result = TestContent.valid().with("notes.md", "# Editor notes").load();

		assertThat(result.problems()).extracting(ContentProblem::toString)
			.containsExactly("notes.md:1: warning: unexpected file, ignored");
		assertThat(result.curriculum()).isNotNull();
	}

}
