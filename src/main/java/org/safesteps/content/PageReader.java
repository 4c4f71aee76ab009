package org.safesteps.content;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.safesteps.content.ContentYaml.Required;

/**
 * Parses and checks the Markdown pages of the content (lessons, teacher notes, guidance pages and
 * their translations) into drafts: HTML rendered, help boxes not yet filled in.
 */
final class PageReader {

	private static final Pattern NOT_YOUR_FAULT = Pattern.compile("not\\s+your\\s+fault", Pattern.CASE_INSENSITIVE);

	private final LoadContext context;

	private final Problems problems;

	PageReader(LoadContext context) {
		this.context = context;
		this.problems = context.problems;
	}

	/** A lesson before its help boxes are filled in. */
	record LessonDraft(String path, Band band, String title, String summary, List<MarkdownFile.StepDraft> steps) {
	}

	record TeacherDraft(String summary, String html) {
	}

	record GuideDraft(String path, String id, String title, String summary, String topic, List<String> modules,
			IntUnaryOperator moduleLine, boolean urgent, String html, String language) {
	}

	/** The front matter of a lesson and its translations. */
	@JsonClassDescription("lesson")
	record LessonFront(@Required String title, @Required String summary,
			@JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) {
	}

	@JsonClassDescription("teacher notes")
	record TeacherFront(@Required String summary, @JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) {
	}

	/** A guidance page's front matter; a translation takes topic, modules and urgency from the English page. */
	@JsonClassDescription("guidance page")
	record GuideFront(@Required String title, @Required String summary, String topic, List<String> modules, boolean urgent,
			@JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) {
	}

	LessonDraft lesson(String path, String text, Band band, String moduleId, boolean sensitive) {
		MarkdownFile file = MarkdownFile.parse(path, text, problems);
		LessonFront front = file.frontMatter(LessonFront.class, problems).map(ContentYaml.Doc::value).orElse(null);
		List<MarkdownFile.StepDraft> steps = file.steps(problems);
		if (steps.isEmpty()) {
			problems.error(path, 1, "lesson has no steps: start each step with a ## heading");
		}
		Set<String> stepIds = new HashSet<>();
		for (MarkdownFile.StepDraft step : steps) {
			if (!stepIds.add(step.id())) {
				problems.error(path, step.line(), "duplicate step id '" + step.id() + "'");
			}
		}
		context.lint().checkMarkdown(path, text, file.document(), problems);
		if (sensitive) {
			if (!file.hasHelpBox()) {
				problems.error(path, 1, "lesson of a sensitive module has no :::help box");
			}
			if (!NOT_YOUR_FAULT.matcher(text).find()) {
				problems.error(path, 1, "lesson of a sensitive module does not say \"not your fault\"");
			}
		}
		context.links.addAll(file.links());
		double grade = Readability.fleschKincaidGrade(file.plainText());
		ReadabilityScore score = new ReadabilityScore(path, band, moduleId, grade, band.readingCeiling());
		context.readability.add(score);
		if (score.aboveCeiling()) {
			problems.warning(path, 1, String.format(Locale.ROOT, "reading grade %.1f is above the %s ceiling of %.1f",
					grade, band.id(), band.readingCeiling()));
		}
		return new LessonDraft(path, band, front == null ? null : front.title(), front == null ? null : front.summary(), steps);
	}

	/** {@code <band>.<language>.md}: checked against the English lesson, whose step ids it keeps. */
	LessonDraft translatedLesson(String path, String text, String language, LessonDraft english, String englishText,
			boolean sensitive) {
		MarkdownFile file = MarkdownFile.parse(path, text, problems, context.labelsFor(path, language));
		ContentYaml.Doc<LessonFront> front = file.frontMatter(LessonFront.class, problems).orElse(null);
		if (front != null) {
			Translations.checkHash(path, () -> front.line(Translations.TRANSLATED_FROM), front.value().translatedFrom(),
					english.path(), englishText, problems);
		}
		List<MarkdownFile.StepDraft> steps = file.steps(problems);
		Translations.checkSteps(path, english.steps(), steps, english.path(), problems);
		context.lintFor(language).checkMarkdown(path, text, file.document(), problems);
		if (sensitive) {
			if (!file.hasHelpBox()) {
				problems.error(path, 1, "lesson of a sensitive module has no :::help box");
			}
			if (Boolean.FALSE.equals(Translations.saysNotYourFault(language, text))) {
				problems.error(path, 1, "lesson of a sensitive module does not say it is not the child's fault"
						+ " (for example \"no es tu culpa\")");
			}
		}
		context.links.addAll(file.links());
		// Flesch-Kincaid counts English syllables: its grade means nothing for other languages.
		context.notMeasured.add(path);
		return new LessonDraft(path, english.band(), front == null ? null : front.value().title(),
				front == null ? null : front.value().summary(), steps);
	}

	TeacherDraft teacherNotes(String path, String text) {
		MarkdownFile file = MarkdownFile.parse(path, text, problems);
		TeacherFront front = file.frontMatter(TeacherFront.class, problems).map(ContentYaml.Doc::value).orElse(null);
		context.links.addAll(file.links());
		return new TeacherDraft(front == null ? null : front.summary(), file.html());
	}

	/** {@code teacher.<language>.md}: summary and notes translated, the English headings kept; null if they differ. */
	TeacherDraft translatedTeacherNotes(String path, String text, String language, String englishPath,
			String englishText, TeacherDraft english) {
		MarkdownFile file = MarkdownFile.parse(path, text, problems, context.labelsFor(path, language));
		ContentYaml.Doc<TeacherFront> front = file.frontMatter(TeacherFront.class, problems).orElse(null);
		if (front != null) {
			Translations.checkHash(path, () -> front.line(Translations.TRANSLATED_FROM), front.value().translatedFrom(),
					englishPath, englishText, problems);
		}
		String html = Translations.teacherNotes(path, file, english.html(), englishPath, problems);
		context.lintFor(language).checkMarkdown(path, text, file.document(), problems);
		context.links.addAll(file.links());
		return html == null || front == null ? null : new TeacherDraft(front.value().summary(), html);
	}

	GuideDraft guide(String path, String text) {
		String fileName = path.substring(path.lastIndexOf('/') + 1);
		String id = fileName.substring(0, fileName.length() - ".md".length());
		if (!LoadContext.ID.matcher(id).matches()) {
			problems.error(path, 1, "page id '" + id + "' should be lowercase letters, digits and dashes");
		}
		MarkdownFile file = MarkdownFile.parse(path, text, problems);
		ContentYaml.Doc<GuideFront> front = file.frontMatter(GuideFront.class, problems).orElse(null);
		context.lint().checkMarkdown(path, text, file.document(), problems);
		context.links.addAll(file.links());
		if (front == null) {
			return new GuideDraft(path, id, null, null, null, List.of(), index -> 1, false, file.html(), Localized.ENGLISH);
		}
		GuideFront page = front.value();
		context.checkTopic(path, front.line("topic"), page.topic());
		return new GuideDraft(path, id, page.title(), page.summary(), page.topic(), page.modules(),
				index -> front.line("modules", index), page.urgent(), file.html(), Localized.ENGLISH);
	}

	/** {@code guidance/<id>.<language>.md}: title, summary and body translated; topic, modules and urgency from English. */
	GuideDraft guideTranslation(String path, String text, Map<String, GuideDraft> guides, ContentFiles files) {
		Translations.Name name = Translations.markdown(path.substring(ContentFiles.GUIDANCE.length())).orElseThrow();
		String englishPath = ContentFiles.GUIDANCE + name.base() + ".md";
		GuideDraft english = guides.get(name.base());
		if (english == null || !files.has(englishPath)) {
			problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
			return null;
		}
		if (!context.checkLanguage(path, name.language())) {
			return null;
		}
		MarkdownFile file = MarkdownFile.parse(path, text, problems, context.labelsFor(path, name.language()));
		ContentYaml.Doc<GuideFront> front = file.frontMatter(GuideFront.class, problems).orElse(null);
		if (front != null) {
			Translations.checkHash(path, () -> front.line(Translations.TRANSLATED_FROM), front.value().translatedFrom(),
					englishPath, files.text(englishPath), problems);
		}
		context.lintFor(name.language()).checkMarkdown(path, text, file.document(), problems);
		context.links.addAll(file.links());
		return new GuideDraft(path, english.id(), front == null ? null : front.value().title(),
				front == null ? null : front.value().summary(), english.topic(), english.modules(), english.moduleLine(),
				english.urgent(), file.html(), name.language());
	}

}
