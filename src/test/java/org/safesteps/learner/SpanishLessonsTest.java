package org.safesteps.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.support.Browserless;
import org.safesteps.support.SpanishFiles;

/**
 * Every step of every Spanish lesson, every Spanish quiz's questions and every Spanish parent guide,
 * as a learner of a Spanish class and a parent get them: the Spanish expected is read from the
 * {@code .es} files themselves. A page at a time over HTTP; the browser journey
 * (TeacherRunsASpanishClassIT) reads one lesson through and takes its quiz, and the rest of what it
 * checks (the letter, the assignments, the links) in Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpanishLessonsTest {

	private static final Pattern PROGRESS = Pattern.compile("class=\"step-progress\">([^<]*)<");

	private static final Pattern STEP_HEADING = Pattern.compile("<article class=\"lesson-step\" lang=\"([a-z]+)\"[^>]*>\\s*<h2>([^<]*)</h2>");

	private static final Pattern NEXT = Pattern.compile("rel=\"next\"\\s+href=\"([^\"]+)\"");

	private static final Pattern QUESTION = Pattern.compile("<span class=\"question-text\" lang=\"es\"[^>]*>([^<]*)</span>");

	private static final Pattern GUIDE = Pattern.compile("<article class=\"guide[^\"]*\" lang=\"([a-z]+)\"[^>]*>\\s*<h1>([^<]*)</h1>");

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void aSpanishClassReadsEveryStepOfEveryWrittenLessonInSpanishFollowingNext() {
		List<String> read = new ArrayList<>();
		for (Band band : Band.values()) {
			SchoolClass schoolClass = this.classes.create("Clase " + band.id(), band, "teacher-es", "es");
			Browserless child = new Browserless(this.port).viaHttpsProxy().join(schoolClass.joinCode());
			for (Module module : this.curriculum.modules()) {
				Optional<SpanishFiles.Lesson> lesson = module.hasBand(band) ? SpanishFiles.lesson(module.id(), band)
						: Optional.empty();
				if (lesson.isEmpty()) {
					continue;
				}
				readsEveryStep(child, module, lesson.get());
				if (Files.exists(SpanishFiles.quizFile(module.id(), band))) {
					String quiz = child.get("/learn/" + module.id() + "/quiz").body();
					assertThat(all(QUESTION, quiz)).as(module.id() + " " + band.id() + " quiz")
						.containsExactlyElementsOf(SpanishFiles.quizQuestions(module.id(), band));
				}
				read.add(module.id() + "/" + band.id());
			}
		}
		assertThat(read).as("the Spanish lessons on main").contains("trusted-adults/ages-11-13", "sextortion/ages-11-13");
	}

	@Test
	void everyWrittenSpanishGuideIsShownInSpanish() {
		Browserless parent = new Browserless(this.port);
		int guides = 0;
		for (Module module : this.curriculum.modules()) {
			if (module.guideId() == null || !Files.exists(SpanishFiles.guide(module.guideId()))) {
				continue;
			}
			String page = parent.get("/parents/" + module.guideId() + "?lang=es").body();
			Matcher guide = GUIDE.matcher(page);
			assertThat(guide.find()).as(module.guideId()).isTrue();
			assertThat(guide.group(1)).as(module.guideId()).isEqualTo("es");
			assertThat(HtmlUtils.htmlUnescape(guide.group(2))).as(module.guideId())
				.isEqualTo(SpanishFiles.frontMatter(SpanishFiles.read(SpanishFiles.guide(module.guideId()))).get("title"));
			assertThat(page).as(module.guideId()).doesNotContain("language-fallback");
			guides++;
		}
		assertThat(guides).as("the Spanish guides on main (trusted-adults, sextortion at least)").isGreaterThanOrEqualTo(2);
	}

	/** Opens the lesson and follows its "Next" link to the last step, each step's heading in Spanish. */
	private void readsEveryStep(Browserless child, Module module, SpanishFiles.Lesson lesson) {
		String path = "/learn/" + module.id();
		int total = lesson.steps().size();
		for (int step = 1; step <= total; step++) {
			String label = path + " step " + step;
			String page = child.get(path).body();
			assertThat(first(PROGRESS, page)).as(label).isEqualTo("Paso " + step + " de " + total);
			Matcher heading = STEP_HEADING.matcher(page);
			assertThat(heading.find()).as(label).isTrue();
			assertThat(heading.group(1)).as(label).isEqualTo("es");
			assertThat(HtmlUtils.htmlUnescape(heading.group(2))).as(label).isEqualTo(lesson.steps().get(step - 1));
			assertThat(page).as(label).doesNotContain("language-fallback");
			if (step < total) {
				path = HtmlUtils.htmlUnescape(first(NEXT, page));
				assertThat(path).as(label + " next").isEqualTo("/learn/" + module.id() + "?step=" + (step + 1));
			}
			else {
				assertThat(NEXT.matcher(page).find()).as(label + ": the last step has no Next").isFalse();
			}
		}
	}

	private static String first(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(Pattern pattern, String page) {
		return pattern.matcher(page).results().map((found) -> HtmlUtils.htmlUnescape(found.group(1))).toList();
	}

}
