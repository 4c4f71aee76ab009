package org.safesteps.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of a load, once the drafts have no error: fills every help box with each country's
 * services (once per country, so serving a page is a lookup) and indexes the curriculum.
 */
final class CurriculumRenderer {

	private final HelpBoxes helpBoxes;

	private final LoadContext context;

	CurriculumRenderer(HelpDirectory help, LoadContext context) {
		this.helpBoxes = new HelpBoxes(help);
		this.context = context;
	}

	List<Module> modules(Iterable<ModuleReader.ModuleDraft> drafts) {
		List<Module> modules = new ArrayList<>();
		for (ModuleReader.ModuleDraft draft : drafts) {
			Map<String, ModuleTranslation> translations = new HashMap<>();
			for (TranslationReader.TranslationDraft translation : draft.translations().values()) {
				CalloutLabels language = context.renderingLabels(translation.language);
				translations.put(translation.language, new ModuleTranslation(translation.title, translation.summary,
						lessons(translation.lessons, language), translation.quizzes,
						teacherNotes(translation.teacherNotes, language)));
			}
			modules.add(new Module(draft.id(), draft.order(), draft.topic(), draft.title(), draft.summary(), draft.bands(),
					draft.objectives(), draft.minutes(), draft.sensitive(), draft.guide(),
					lessons(draft.lessons(), CalloutLabels.ENGLISH), draft.quizzes(),
					teacherNotes(draft.teacherNotes(), CalloutLabels.ENGLISH), translations));
		}
		return modules;
	}

	/** Guidance pages by id; translations by language, then id. */
	Map<String, GuidePage> guides(Iterable<PageReader.GuideDraft> drafts) {
		Map<String, GuidePage> guides = new HashMap<>();
		for (PageReader.GuideDraft draft : drafts) {
			guides.put(draft.id(), guidePage(draft));
		}
		return guides;
	}

	Map<String, Map<String, GuidePage>> translatedGuides(Map<String, Map<String, PageReader.GuideDraft>> drafts) {
		Map<String, Map<String, GuidePage>> translated = new HashMap<>();
		drafts.forEach((language, pages) -> translated.put(language, guides(pages.values())));
		return translated;
	}

	private GuidePage guidePage(PageReader.GuideDraft draft) {
		return new GuidePage(draft.id(), draft.title(), draft.summary(), draft.topic(),
				draft.modules(), draft.urgent(),
				helpBoxes.render(draft.html(), Audience.PARENT, context.renderingLabels(draft.language())));
	}

	// Teachers are adults: their notes show the services listed for parents.
	private TeacherNotes teacherNotes(PageReader.TeacherDraft draft, CalloutLabels language) {
		return draft == null ? null
				: new TeacherNotes(draft.summary(), helpBoxes.render(draft.html(), Audience.PARENT, language));
	}

	private Map<Band, Lesson> lessons(Map<Band, PageReader.LessonDraft> drafts, CalloutLabels language) {
		Map<Band, Lesson> lessons = new EnumMap<>(Band.class);
		for (PageReader.LessonDraft lesson : drafts.values()) {
			List<Step> steps = lesson.steps().stream()
				.map(step -> new Step(step.id(), step.title(), helpBoxes.render(step.html(), Audience.CHILD, language)))
				.toList();
			lessons.put(lesson.band(), new Lesson(lesson.band(), lesson.title(), lesson.summary(), steps));
		}
		return lessons;
	}

}
