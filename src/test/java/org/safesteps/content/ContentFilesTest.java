package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The first step of a load: every file read once and sorted by what it is. */
class ContentFilesTest {

	private static ContentFiles read(Map<String, String> files, Problems problems) {
		return ContentFiles.read(ContentSource.of(files, "test"), problems);
	}

	@Test
	void filesAreSortedByKindAndModuleFilesByFolder() {
		Problems problems = new Problems();
		ContentFiles files = read(Map.of("lint.yml", "avoid: []", "help/services.yml", "x: 1", "labels.yml", "y: 1",
				"frameworks/ukcis.yml", "id: ukcis", "guidance/sextortion.md", "# Guide",
				"guidance/sextortion.es.md", "# Guía", "modules/a/module.yml", "id: a", "modules/a/ages-5-7.md", "## Hi",
				"modules/b/teacher.md", "Notes"), problems);

		assertThat(files.frameworks()).containsOnlyKeys("frameworks/ukcis.yml");
		assertThat(files.guides()).containsOnlyKeys("guidance/sextortion.md");
		assertThat(files.guideTranslations()).containsOnlyKeys("guidance/sextortion.es.md");
		assertThat(files.moduleFolders()).containsOnlyKeys("a", "b");
		assertThat(files.moduleFolders().get("a")).containsOnlyKeys("modules/a/module.yml", "modules/a/ages-5-7.md");
		assertThat(files.text("lint.yml")).isEqualTo("avoid: []");
		assertThat(files.has("labels.yml")).isTrue();
		assertThat(problems.sorted()).isEmpty();
	}

	@Test
	void aMarkdownOrYamlFileOfNoKnownKindIsReportedAndOtherFilesAreLeftAlone() {
		Problems problems = new Problems();
		read(Map.of("notes.md", "x", "modules/readme.yml", "x: 1", "pictures/cat.png", "png"), problems);

		assertThat(problems.sorted()).extracting(ContentProblem::toString)
			.containsExactly("modules/readme.yml:1: warning: unexpected file, ignored", "notes.md:1: warning: unexpected file, ignored");
	}

	@Test
	void theVersionChangesWithAnyFileAndOnlyThen() {
		String version = read(Map.of("a.md", "one", "b.md", "two"), new Problems()).version();

		assertThat(version).hasSize(12).isEqualTo(read(Map.of("b.md", "two", "a.md", "one"), new Problems()).version());
		assertThat(read(Map.of("a.md", "one", "b.md", "two!"), new Problems()).version()).isNotEqualTo(version);
		assertThat(read(Map.of("a.md", "one", "c.md", "two"), new Problems()).version()).isNotEqualTo(version);
	}

}
