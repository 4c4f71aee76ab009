package org.safesteps.content;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.safesteps.content.ContentYaml.Required;

/**
 * Parses, checks and renders the Markdown pages of the content (lessons, teacher notes, guidance
 * pages and their translations), each help box filled in for every country.
 */
final class PageReader {

	private static final GuideFront NO_FRONT = new GuideFront(null, null, null, List.of(), false, null);

	private final LoadContext context;

	private final Problems problems;

	PageReader(LoadContext context) {
		this.context = context;
		this.problems = context.problems;
	}

	/** A guidance page, with its file and the line of each module it names for the checks across pages. */
	record GuideDraft(String path, GuidePage page, IntUnaryOperator moduleLine) {
	}

	/** The front matter of a lesson and its translations. */
	@JsonClassDescription("lesson")
	record LessonFront(@Required String title, @Required String summary,
			@JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) implements Translations.Translated {
	}

	@JsonClassDescription("teacher notes")
	record TeacherFront(@Required String summary, @JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom)
			implements Translations.Translated {
	}

	/** A guidance page's front matter; a translation takes topic, modules and urgency from the English page. */
	@JsonClassDescription("guidance page")
	record GuideFront(@Required String title, @Required String summary, String topic, List<String> modules, boolean urgent,
			@JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) implements Translations.Translated {
	}

	/** A parsed page and its front matter, null when that has problems (reported). */
	private record Page<T>(MarkdownFile file, ContentYaml.Doc<T> front) {

		T value() {
			return front == null ? null : front.value();
		}

	}

	// English pages name their callouts in English; a translation's hash is checked against its English file.
	private <T extends Translations.Translated> Page<T> parse(String path, String text, String language, Class<T> type,
			String englishPath, String englishText) {
		MarkdownFile file = MarkdownFile.parse(path, text, problems,
				englishPath == null ? CalloutLabels.ENGLISH : context.labelsFor(path, language));
		ContentYaml.Doc<T> front = ContentYaml.frontMatter(path, file.document(), type, problems).orElse(null);
		if (front != null && englishPath != null) {
			Translations.checkHash(path, front, englishPath, englishText, problems);
		}
		return new Page<>(file, front);
	}

	Lesson lesson(String path, String text, Band band, String moduleId, boolean sensitive) {
		Page<LessonFront> page = parse(path, text, Localized.ENGLISH, LessonFront.class, null, null);
		List<MarkdownFile.StepDraft> steps = page.file().steps(problems);
		if (steps.isEmpty()) {
			problems.error(path, 1, "lesson has no steps: start each step with a ## heading");
		}
		Set<String> stepIds = new HashSet<>();
		for (MarkdownFile.StepDraft step : steps) {
			if (!stepIds.add(step.id())) {
				problems.error(path, step.line(), "duplicate step id '" + step.id() + "'");
			}
		}
		checkLesson(path, text, Localized.ENGLISH, page.file(), sensitive);
		double grade = Readability.fleschKincaidGrade(page.file().plainText());
		ReadabilityScore score = new ReadabilityScore(path, band, moduleId, grade, band.readingCeiling());
		context.readability.add(score);
		if (score.aboveCeiling()) {
			problems.warning(path, 1, String.format(Locale.ROOT, "reading grade %.1f is above the %s ceiling of %.1f",
					grade, band.id(), band.readingCeiling()));
		}
		return lesson(band, page, steps, CalloutLabels.ENGLISH);
	}

	/** {@code <band>.<language>.md}: checked against the English lesson, whose step ids it keeps. */
	Lesson translatedLesson(String path, String text, String language, Lesson english, String englishPath,
			String englishText, boolean sensitive) {
		Page<LessonFront> page = parse(path, text, language, LessonFront.class, englishPath, englishText);
		List<MarkdownFile.StepDraft> steps = page.file().steps(problems);
		Translations.checkSteps(path, english.steps(), steps, englishPath, problems);
		checkLesson(path, text, language, page.file(), sensitive);
		// Flesch-Kincaid counts English syllables: its grade means nothing for other languages.
		context.notMeasured.add(path);
		return lesson(english.band(), page, steps, context.renderingLabels(language));
	}

	// Lint in the lesson's language; a sensitive module's lesson has a help box and says it is not the child's fault.
	private void checkLesson(String path, String text, String language, MarkdownFile file, boolean sensitive) {
		context.lintFor(language).checkMarkdown(path, text, file.document(), problems);
		if (sensitive && !file.hasHelpBox()) {
			problems.error(path, 1, "lesson of a sensitive module has no :::help box");
		}
		if (sensitive && Boolean.FALSE.equals(Translations.saysNotYourFault(language, text))) {
			problems.error(path, 1, Localized.ENGLISH.equals(language)
					? "lesson of a sensitive module does not say \"not your fault\""
					: "lesson of a sensitive module does not say it is not the child's fault (for example \"no es tu culpa\")");
		}
		context.links.addAll(file.links());
	}

	private Lesson lesson(Band band, Page<LessonFront> page, List<MarkdownFile.StepDraft> steps, CalloutLabels labels) {
		List<Step> rendered = steps.stream()
			.map(step -> new Step(step.id(), step.title(), context.render(step.html(), Audience.CHILD, labels)))
			.toList();
		LessonFront front = page.value();
		return new Lesson(band, front == null ? null : front.title(), front == null ? null : front.summary(), rendered);
	}

	TeacherNotes teacherNotes(String path, String text) {
		Page<TeacherFront> page = parse(path, text, Localized.ENGLISH, TeacherFront.class, null, null);
		context.links.addAll(page.file().links());
		return teacherNotes(page, page.file().html(), CalloutLabels.ENGLISH);
	}

	/** {@code teacher.<language>.md}: summary and notes translated, the English headings kept; null if they differ. */
	TeacherNotes translatedTeacherNotes(String path, String text, String language, String englishPath,
			String englishText, TeacherNotes english) {
		Page<TeacherFront> page = parse(path, text, language, TeacherFront.class, englishPath, englishText);
		String html = Translations.teacherNotes(path, page.file(), english.body().toString(), englishPath, problems);
		context.lintFor(language).checkMarkdown(path, text, page.file().document(), problems);
		context.links.addAll(page.file().links());
		return html == null || page.front() == null ? null : teacherNotes(page, html, context.renderingLabels(language));
	}

	// Teachers are adults: their notes show the services listed for parents.
	private TeacherNotes teacherNotes(Page<TeacherFront> page, String html, CalloutLabels labels) {
		return new TeacherNotes(page.value() == null ? null : page.value().summary(),
				context.render(html, Audience.PARENT, labels));
	}

	GuideDraft guide(String path, String text) {
		String fileName = path.substring(path.lastIndexOf('/') + 1);
		String id = fileName.substring(0, fileName.length() - ".md".length());
		LoadContext.checkId(problems, path, 1, "page", id);
		Page<GuideFront> page = parse(path, text, Localized.ENGLISH, GuideFront.class, null, null);
		context.lintFor(Localized.ENGLISH).checkMarkdown(path, text, page.file().document(), problems);
		context.links.addAll(page.file().links());
		GuideFront front = page.front() == null ? NO_FRONT : page.value();
		if (page.front() != null) {
			context.checkTopic(path, page.front().line("topic"), front.topic());
		}
		return new GuideDraft(path, new GuidePage(id, front.title(), front.summary(), front.topic(), front.modules(),
				front.urgent(), context.render(page.file().html(), Audience.PARENT, context.renderingLabels(Localized.ENGLISH))),
				index -> page.front().line("modules", index));
	}

	/** {@code guidance/<id>.<language>.md}: title, summary and body translated; topic, modules and urgency from English. */
	void guideTranslation(String path, String text, Map<String, GuideDraft> guides, ContentFiles files,
			Map<String, Map<String, GuidePage>> translated) {
		Translations.Name name = Translations.markdown(path.substring(ContentFiles.GUIDANCE.length())).orElseThrow();
		String englishPath = ContentFiles.GUIDANCE + name.base() + ".md";
		GuideDraft english = guides.get(name.base());
		if (english == null || !files.has(englishPath)) {
			problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
			return;
		}
		if (!context.checkLanguage(path, name.language())) {
			return;
		}
		Page<GuideFront> page = parse(path, text, name.language(), GuideFront.class, englishPath, files.text(englishPath));
		context.lintFor(name.language()).checkMarkdown(path, text, page.file().document(), problems);
		context.links.addAll(page.file().links());
		GuideFront front = page.front() == null ? NO_FRONT : page.value();
		GuidePage original = english.page();
		translated.computeIfAbsent(name.language(), key -> new TreeMap<>()).put(original.id(), new GuidePage(original.id(),
				front.title(), front.summary(), original.topic(), original.modules(), original.urgent(),
				context.render(page.file().html(), Audience.PARENT, context.renderingLabels(name.language()))));
	}

}
