package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** One module folder read into a draft: module.yml, a lesson and quiz per band, teacher notes, translations. */
class ModuleReaderTest {

	private final LoadContext context = new LoadContext();

	private final ModuleReader reader = new ModuleReader(context, new PageReader(context));

	private static Map<String, String> folder(TestContent content, String module) {
		Map<String, String> files = new TreeMap<>();
		content.source().paths().stream().filter(path -> path.startsWith("modules/" + module + "/"))
			.forEach(path -> files.put(path, content.text(path)));
		return files;
	}

	@Test
	void aModuleFolderBecomesAModuleWithItsBands() {
		Module module = reader.read("online-friends", folder(TestContent.valid(), "online-friends")).module();

		assertThat(context.problems.sorted()).isEmpty();
		assertThat(module.id()).isEqualTo("online-friends");
		assertThat(module.bands()).containsExactly(Band.AGES_8_10);
		assertThat(module.lessons()).containsOnlyKeys(Band.AGES_8_10);
		assertThat(module.quizzes()).containsOnlyKeys(Band.AGES_8_10);
		assertThat(module.teacherNotes().summary()).isNotBlank();
		assertThat(module.translations()).isEmpty();
		assertThat(context.readability).extracting(ReadabilityScore::moduleId).containsExactly("online-friends");
	}

	@Test
	void filesForABandModuleYmlDoesNotListAndMissingFilesAreReported() {
		TestContent content = TestContent.valid()
			.with("modules/online-friends/ages-5-7.quiz.yml", TestContent.valid().text("modules/online-friends/ages-8-10.quiz.yml"))
			.without("modules/online-friends/teacher.md");

		reader.read("online-friends", folder(content, "online-friends"));

		assertThat(context.problems.sorted()).extracting(ContentProblem::toString).containsExactly(
				"modules/online-friends:1: module folder has no teacher.md (teacher notes)",
				"modules/online-friends/ages-5-7.quiz.yml:1: quiz for band ages-5-7, which module.yml does not list");
	}

	@Test
	void aFolderWithoutModuleYmlIsNoModule() {
		assertThat(reader.read("empty", Map.of("modules/empty/teacher.md", "notes"))).isNull();
		assertThat(context.problems.sorted()).extracting(ContentProblem::toString)
			.containsExactly("modules/empty:1: module folder has no module.yml");
	}

}
