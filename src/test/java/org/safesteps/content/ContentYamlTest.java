package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junit.jupiter.api.Test;
import org.safesteps.content.ContentYaml.Required;

/** The one YAML reader of the content: every kind of problem it reports, as {@code path:line: message}. */
class ContentYamlTest {

	private final Problems problems = new Problems();

	@JsonClassDescription("sample")
	record Sample(@Required String id, @Required Integer order, String title, boolean sensitive, LocalDate checked,
			Framework.Wording wording, List<String> bands, List<Item> items, Item help) {
	}

	@JsonClassDescription("item")
	record Item(@Required String id, String text) {
	}

	@JsonClassDescription("page")
	record Front(@Required String title, String summary, List<String> modules, boolean urgent) {
	}

	/** Counts instances, so a test sees that a YAML tag naming it did not create one. */
	static final class Trap {

		static int created;

		Trap() {
			created++;
		}

	}

	private ContentYaml.Doc<Sample> parse(String text) {
		return ContentYaml.read("file.yml", text, Sample.class, problems).orElse(null);
	}

	private ContentYaml.Doc<Front> frontMatter(String markdown) {
		return ContentYaml.frontMatter("page.md", Markdown.parse(markdown), Front.class, problems).orElse(null);
	}

	private List<String> reported() {
		return problems.sorted().stream().map(ContentProblem::toString).toList();
	}

	@Test
	void aFileIsReadIntoRecordsWithTheLinesOfItsKeysAndItems() {
		ContentYaml.Doc<Sample> yml = parse("""
				# a comment
				id: a
				order: 2
				sensitive: true
				checked: 2026-12-06
				wording: quoted
				bands: ages-5-7
				items:
				  - id: one
				    text: >-
				      Folded
				      text.
				""");

		assertThat(yml.value()).isEqualTo(new Sample("a", 2, null, true, LocalDate.of(2026, 12, 6), Framework.Wording.QUOTED,
				List.of("ages-5-7"), List.of(new Item("one", "Folded text.")), null));
		assertThat(yml.line()).isEqualTo(2);
		assertThat(yml.line("order")).isEqualTo(3);
		assertThat(yml.line("items", 0)).isEqualTo(9);
		assertThat(yml.line("items", 0, "text")).isEqualTo(10);
		assertThat(yml.line("items", 0, "missing")).as("an absent key: its mapping's line").isEqualTo(9);
		assertThat(reported()).isEmpty();
	}

	@Test
	void aListThatIsNotThereIsEmpty() {
		assertThat(parse("id: a\norder: 1\n").value().items()).isEmpty();
	}

	@Test
	void malformedYamlIsReportedOnItsLine() {
		assertThat(parse("id: a\nbands: [ages-5-7\norder: 3\n")).isNull();

		assertThat(reported()).singleElement().asString().startsWith("file.yml:3: invalid YAML: ");
	}

	@Test
	void aFileThatIsNotAMappingIsReported() {
		assertThat(parse("- one\n- two\n")).isNull();

		assertThat(reported()).containsExactly("file.yml:1: expected a YAML mapping (key: value lines)");
	}

	@Test
	void aDuplicateKeyIsReported() {
		assertThat(parse("id: a\nid: b\norder: 1\n")).isNull();

		assertThat(reported()).containsExactly("file.yml:2: duplicate key 'id'");
	}

	@Test
	void anUnknownKeyIsReportedWithTheKeysThatCanBeThere() {
		assertThat(parse("id: a\norder: 1\nitems:\n  - id: one\n    txt: Hello\n")).isNull();

		assertThat(reported()).singleElement().asString()
			.startsWith("file.yml:5: unknown key 'txt' (the keys here are ")
			.contains("id", "text");
	}

	@Test
	void everyMissingRequiredKeyIsReportedOnTheLineOfItsMapping() {
		assertThat(parse("# a comment\ntitle: A\nitems:\n  - text: no id\n")).isNull();

		assertThat(reported()).containsExactly("file.yml:2: sample has no 'id'",
				"file.yml:2: sample has no 'order' (a whole number)", "file.yml:4: item has no 'id'");
	}

	@Test
	void anEmptyRequiredValueIsMissing() {
		assertThat(parse("id: \" \"\norder: 1\n")).isNull();

		assertThat(reported()).containsExactly("file.yml:1: sample has no 'id'");
	}

	@Test
	void valuesOfTheWrongTypeAreAllReportedOnTheirLines() {
		assertThat(parse("""
				id: [a, b]
				order: first
				sensitive: maybe
				checked: last week
				wording: roughly
				items: text
				help: text
				""")).isNull();

		assertThat(reported()).containsExactly("file.yml:1: 'id' should be a single value",
				"file.yml:2: 'order' should be a whole number, not 'first'",
				"file.yml:3: 'sensitive' should be true or false, not 'maybe'",
				"file.yml:4: 'checked' should be a date (YYYY-MM-DD), not 'last week'",
				"file.yml:5: 'wording' should be quoted or paraphrased, not 'roughly'",
				"file.yml:6: 'items' should be a mapping (key: value lines)",
				"file.yml:7: 'help' should be a mapping (key: value lines)");
	}

	@Test
	void aYamlTagNeverCreatesAnObjectOfTheClassItNames() {
		Trap.created = 0;

		parse("id: !!org.safesteps.content.ContentYamlTest$Trap []\norder: 1\nhelp: !!org.safesteps.content.ContentYamlTest$Trap\n  id: x\n");

		assertThat(Trap.created).isZero();
		assertThat(reported()).containsExactly("file.yml:1: 'id' should be a single value");
	}

	@Test
	void frontMatterIsReadByTheSameReaderWithTheLinesOfTheMarkdownFile() {
		ContentYaml.Doc<Front> front = frontMatter("""
				---
				title: "Sextortion: what parents need to know"
				summary: >-
				  What it is,
				  and what to do.
				modules: [sextortion, nude-images]
				urgent: true
				---
				## Words
				""");

		assertThat(front.value()).isEqualTo(new Front("Sextortion: what parents need to know", "What it is, and what to do.",
				List.of("sextortion", "nude-images"), true));
		assertThat(front.line("modules", 1)).isEqualTo(6);
		assertThat(front.line("urgent")).isEqualTo(7);
		assertThat(front.line("topic")).as("absent: the opening fence").isEqualTo(1);
	}

	@Test
	void aMissingKeyOfFrontMatterIsReportedOnTheOpeningFence() {
		assertThat(frontMatter("\n---\nsummary: fine\n---\n## Words\n")).isNull();

		assertThat(reported()).containsExactly("page.md:2: page has no 'title' in its front matter");
	}

	@Test
	void invalidFrontMatterIsReportedOnItsLineInTheMarkdownFile() {
		frontMatter("---\nsummary: fine\ntitle: Sextortion: what parents need to know\n---\n## Words\n");

		assertThat(reported()).containsExactly("page.md:3: invalid YAML in its front matter: mapping values are not"
				+ " allowed here (put a value that contains ': ' in quotes)");
	}

	@Test
	void aFileWithoutFrontMatterHasNoKeys() {
		assertThat(frontMatter("## Words\n\nText.\n")).isNull();

		assertThat(reported()).containsExactly("page.md:1: page has no 'title' in its front matter");
	}

	@Test
	void aDuplicateOrUnknownKeyInFrontMatterIsReported() {
		frontMatter("---\ntitle: One\ntitle: Two\n---\n## Words\n");
		frontMatter("---\ntitle: One\ntopic: images\n---\n## Words\n");

		assertThat(reported()).containsExactly("page.md:3: duplicate key 'title' in its front matter",
				"page.md:3: unknown key 'topic' (the keys here are title, summary, modules, urgent) in its front matter");
	}

}
