package org.safesteps.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import org.safesteps.account.AccountStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.support.SpanishFiles;

/**
 * A Spanish class end to end: a teacher makes a class in Spanish and assigns every module of its
 * band; the parent letter prints in Spanish and links each module's Spanish parent guide; a child
 * joins, sees every assigned module with Spanish files open in Spanish, reads one lesson through by
 * "Siguiente" and takes its quiz in Spanish. The Spanish expected on the pages is read from the
 * {@code .es} files themselves, not from the app; a module whose Spanish files are not written yet
 * must show English with the note that says so, so the journey covers each module as its
 * translation lands, with no change here. Every step of every Spanish lesson, every Spanish quiz's
 * questions and every Spanish guide are checked page by page over HTTP (learner.SpanishLessonsTest):
 * here, what needs the browser (the forms, the links followed, the pages as shown).
 */
// the third longest starts early, after the crash test on the thread that takes the classes from
// the back of the list (pom.xml)
@Order(Integer.MAX_VALUE - 1)
class TeacherRunsASpanishClassIT extends JourneyTest {

	private static final Band BAND = Band.AGES_11_13;

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	@Test
	void aSpanishClassGetsItsLetterItsLessonsAndItsQuizzesInSpanish() {
		String email = "lucia-" + UUID.randomUUID() + "@school.example";
		this.accounts.create(email, "Lucía Romero", "a long teacher passphrase", false);
		signIn(email, "a long teacher passphrase");

		find(By.id("name")).sendKeys("6.º B");
		new Select(find(By.id("band"))).selectByValue(BAND.name());
		new Select(find(By.id("language"))).selectByValue("es");
		find(By.cssSelector("form[action='/teacher/classes'] button[type=submit]")).click();
		assertThat(heading()).isEqualTo("6.º B");
		String classPage = this.driver.getCurrentUrl();
		String code = find(By.id("join-code")).getText();

		List<Module> assigned = assignEveryModuleOffered();
		assertThat(assigned).extracting(Module::id)
			.as("every module with a lesson for the band is offered and assigned")
			.containsExactlyInAnyOrderElementsOf(this.curriculum.modules().stream()
				.filter((module) -> module.hasBand(BAND)).map(Module::id).toList());

		this.driver.get(classPage);
		find(By.linkText("Parent letter")).click();
		theLetterIsInSpanishAndLinksTheSpanishGuides(assigned);

		this.driver.manage().deleteAllCookies();
		ChildPages.join(this, code);
		assertThat(heading()).isEqualTo("Mis lecciones");
		List<String> inSpanish = new ArrayList<>();
		for (Module module : assigned) {
			Optional<SpanishFiles.Lesson> lesson = SpanishFiles.lesson(module.id(), BAND);
			if (lesson.isPresent() && Files.exists(SpanishFiles.quizFile(module.id(), BAND))) {
				opensTheLessonInSpanish(module, lesson.get());
				if (inSpanish.isEmpty()) {
					readsTheLessonAndTakesTheQuizInSpanish(module, lesson.get());
				}
				inSpanish.add(module.id());
			}
			else {
				open("/learn/" + module.id());
				assertThat(find(By.cssSelector(".language-fallback")).getText()).as(module.id() + " not yet in Spanish")
					.isEqualTo("Esta página todavía no está disponible en español, así que se muestra en inglés.");
			}
			open("/learn");
		}
		assertThat(inSpanish).as("the modules shipped in Spanish were opened in Spanish")
			.contains("trusted-adults", "sextortion");
	}

	/** Assigns each module the class page offers, confirming the notes of a sensitive one, in the order offered. */
	private List<Module> assignEveryModuleOffered() {
		List<String> offered = new Select(find(By.id("moduleId"))).getOptions().stream()
			.map((option) -> option.getAttribute("value"))
			.toList();
		List<Module> assigned = new ArrayList<>();
		for (String id : offered) {
			Module module = this.curriculum.module(id).orElseThrow();
			new Select(find(By.id("moduleId"))).selectByValue(id);
			// each form's answer is another page: wait for it whole before reading it
			ChildPages.clickToNextPage(this.driver, By.cssSelector("form[action$='/assignments'] button[type=submit]"));
			if (module.sensitive()) {
				assertThat(heading()).isEqualTo("Before you assign: " + module.title());
				ChildPages.clickToNextPage(this.driver, By.cssSelector("main form button[type=submit]"));
			}
			assertThat(find(By.id("assignments")).getText()).contains(module.title());
			assigned.add(module);
		}
		return assigned;
	}

	/**
	 * The letter names every module in Spanish and links each Spanish guide; the first link is
	 * followed (each guide's page in Spanish: SpanishLessonsTest).
	 */
	private void theLetterIsInSpanishAndLinksTheSpanishGuides(List<Module> assigned) {
		assertThat(heading()).isEqualTo("Lo que su hijo o hija está aprendiendo sobre la seguridad en internet");
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		String letter = find(By.cssSelector(".letter")).getText();
		assertThat(letter).contains("Estimada familia:", "la clase 6.º B usará SafeSteps").doesNotContain("Dear parent");
		List<Module> withGuides = new ArrayList<>();
		for (Module module : assigned) {
			SpanishFiles.module(module.id())
				.ifPresent((yml) -> assertThat(letter).as(module.id() + " title").contains((String) yml.get("title")));
			if (module.guideId() != null && Files.exists(SpanishFiles.guide(module.guideId()))) {
				assertThat(letter).as(module.id() + " guide").contains(url("/parents/" + module.guideId() + "?lang=es"));
				withGuides.add(module);
			}
		}
		assertThat(withGuides).as("the Spanish guides on main (trusted-adults, sextortion at least)").hasSizeGreaterThanOrEqualTo(2);
		String guideId = withGuides.get(0).guideId();
		String link = url("/parents/" + guideId + "?lang=es");
		find(By.linkText(link)).click();
		assertThat(heading()).as(link).isEqualTo(SpanishFiles.frontMatter(SpanishFiles.read(SpanishFiles.guide(guideId))).get("title"));
		assertThat(this.driver.findElements(By.cssSelector(".language-fallback"))).as(link).isEmpty();
		assertThat(find(By.cssSelector("article.guide")).getAttribute("lang")).isEqualTo("es");
	}

	/** From "Mis lecciones": the module's link in Spanish opens its lesson in Spanish at the first step. */
	private void opensTheLessonInSpanish(Module module, SpanishFiles.Lesson lesson) {
		WebElement link = find(By.cssSelector("main a[href='/learn/" + module.id() + "']"));
		SpanishFiles.module(module.id()).ifPresent((yml) -> assertThat(link.getText()).isEqualTo(yml.get("title")));
		link.click();
		waitForPath("/learn/" + module.id());
		assertThat(heading()).as(module.id()).isEqualTo(lesson.title())
			.isNotEqualTo(module.lesson(BAND).orElseThrow().title());
		assertThat(this.driver.findElements(By.cssSelector(".language-fallback"))).as(module.id()).isEmpty();
		assertsTheStep(module, lesson, 1);
	}

	/** On from the first step: every step by "Next", then the quiz, answered right, in Spanish. */
	private void readsTheLessonAndTakesTheQuizInSpanish(Module module, SpanishFiles.Lesson lesson) {
		int total = lesson.steps().size();
		for (int step = 2; step <= total; step++) {
			find(By.cssSelector("a[rel=next]")).click();
			waitForPath("step=" + step);
			assertsTheStep(module, lesson, step);
		}
		find(By.linkText("Hacer el cuestionario")).click();
		waitForPath("/learn/" + module.id() + "/quiz");

		assertThat(this.driver.findElements(By.cssSelector(".question-text"))).extracting(WebElement::getText)
			.as(module.id() + " quiz").containsExactlyElementsOf(SpanishFiles.quizQuestions(module.id(), BAND));
		Quiz quiz = module.quiz(BAND, "es").orElseThrow().value();
		ChildPages.answer(this.driver, quiz, true);
		assertThat(heading()).isEqualTo("Tus respuestas");
		assertThat(find(By.tagName("main")).getText()).contains("¡Muy bien, todas las respuestas son correctas!");
	}

	private void assertsTheStep(Module module, SpanishFiles.Lesson lesson, int step) {
		int total = lesson.steps().size();
		assertThat(find(By.cssSelector(".step-progress")).getText()).isEqualTo("Paso " + step + " de " + total);
		WebElement article = find(By.cssSelector("article.lesson-step"));
		assertThat(article.getAttribute("lang")).isEqualTo("es");
		assertThat(article.findElement(By.tagName("h2")).getText()).as(module.id() + " step " + step)
			.isEqualTo(lesson.steps().get(step - 1));
	}

	private void signIn(String email, String password) {
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
	}

}
