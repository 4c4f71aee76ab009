package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one YAML reader of the content: every kind of problem it reports, as {@code path:line: message}. */
class YamlFileTest {

	private final Problems problems = new Problems();

	private YamlFile.Mapping parse(String text) {
		return YamlFile.parse("file.yml", text, problems).orElse(null);
	}

	private YamlFile.Mapping frontMatter(String markdown) {
		return YamlFile.frontMatter("page.md", Markdown.parse(markdown), problems);
	}

	private List<String> reported() {
		return problems.sorted().stream().map(ContentProblem::toString).toList();
	}

	@Test
	void aSyntaxErrorIsReportedOnItsLine() {
		assertThat(parse("id: a\nbands: [ages-5-7\nminutes: 3\n")).isNull();

		assertThat(reported()).singleElement().asString().startsWith("file.yml:3: invalid YAML: ");
	}

	@Test
	void aFileThatIsNotAMappingIsReported() {
		assertThat(parse("- one\n- two\n")).isNull();

		assertThat(reported()).containsExactly("file.yml:1: expected a YAML mapping (key: value lines)");
	}

	@Test
	void aDuplicateKeyIsReportedAndTheFirstValueKept() {
		YamlFile.Mapping yml = parse("id: a\nid: b\n");

		assertThat(yml.text("id")).isEqualTo("a");
		assertThat(reported()).containsExactly("file.yml:2: duplicate key 'id'");
	}

	@Test
	void aMissingRequiredKeyIsReportedOnTheMapping() {
		YamlFile.Mapping yml = parse("# a comment\nid: a\n");

		assertThat(yml.requiredText("title", "module.yml")).isNull();
		assertThat(yml.integer("order", "module.yml")).isNull();
		assertThat(reported()).containsExactly("file.yml:2: module.yml has no 'title'",
				"file.yml:2: module.yml has no 'order' (a whole number)");
	}

	@Test
	void valuesOfTheWrongTypeAreReportedOnTheirLine() {
		YamlFile.Mapping yml = parse("""
				title: [a, b]
				order: first
				sensitive: maybe
				bands: ages-5-7
				objectives:
				  - [nested]
				help: text
				covers: [text]
				""");

		assertThat(yml.text("title")).isNull();
		assertThat(yml.integer("order", "module.yml")).isNull();
		assertThat(yml.bool("sensitive", false)).isFalse();
		assertThat(yml.texts("bands")).isEmpty();
		assertThat(yml.texts("objectives")).isEmpty();
		assertThat(yml.mapping("help")).isNull();
		assertThat(yml.mappings("covers")).isEmpty();
		assertThat(reported()).containsExactly("file.yml:1: 'title' should be a single value",
				"file.yml:2: 'order' should be a whole number, not 'first'",
				"file.yml:3: 'sensitive' should be true or false, not 'maybe'", "file.yml:4: 'bands' should be a list",
				"file.yml:6: each item of 'objectives' should be a single value",
				"file.yml:7: 'help' should be a mapping (key: value lines)",
				"file.yml:8: each item of 'covers' should be a mapping (key: value lines)");
	}

	@Test
	void unknownKeysAreIgnored() {
		YamlFile.Mapping yml = parse("id: a\nnot-a-key-we-read: 1\n");

		assertThat(yml.text("id")).isEqualTo("a");
		assertThat(reported()).isEmpty();
	}

	@Test
	void frontMatterIsReadByTheSameReaderWithTheLinesOfTheMarkdownFile() {
		YamlFile.Mapping front = frontMatter("""
				---
				title: "Sextortion: what parents need to know"
				summary: >-
				  What it is,
				  and what to do.
				modules: [sextortion, nude-images]
				guide: one
				urgent: true
				---
				## Words
				""");

		assertThat(front.requiredText("title", "guidance page")).isEqualTo("Sextortion: what parents need to know");
		assertThat(front.requiredText("summary", "guidance page")).isEqualTo("What it is, and what to do.");
		assertThat(front.oneOrMore("modules")).extracting(YamlFile.Scalar::value, YamlFile.Scalar::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sextortion", 6), org.assertj.core.groups.Tuple.tuple("nude-images", 6));
		assertThat(front.oneOrMore("guide")).extracting(YamlFile.Scalar::value).containsExactly("one");
		assertThat(front.bool("urgent", false)).isTrue();
		assertThat(front.lineOf("urgent")).isEqualTo(8);
		assertThat(front.requiredText("topic", "guidance page")).isNull();
		assertThat(reported()).containsExactly("page.md:1: guidance page has no 'topic' in its front matter");
	}

	@Test
	void invalidFrontMatterIsReportedOnItsLineInTheMarkdownFile() {
		frontMatter("---\nsummary: fine\ntitle: Sextortion: what parents need to know\n---\n## Words\n");

		assertThat(reported()).containsExactly("page.md:3: invalid YAML in its front matter: mapping values are not"
				+ " allowed here (put a value that contains ': ' in quotes)");
	}

	@Test
	void aFileWithoutFrontMatterHasNoKeys() {
		YamlFile.Mapping front = frontMatter("## Words\n\nText.\n");

		assertThat(front.text("title")).isNull();
		assertThat(front.requiredText("title", "lesson")).isNull();
		assertThat(reported()).containsExactly("page.md:1: lesson has no 'title' in its front matter");
	}

	@Test
	void aDuplicateKeyInFrontMatterIsReported() {
		frontMatter("---\ntitle: One\ntitle: Two\n---\n## Words\n");

		assertThat(reported()).containsExactly("page.md:3: duplicate key 'title' in its front matter");
	}

}
