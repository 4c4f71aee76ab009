package org.safesteps.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

import org.safesteps.account.AccountStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Quiz;

/**
 * A Spanish class end to end: a teacher makes a class in Spanish and assigns every module of its
 * band; the parent letter prints in Spanish and links each module's Spanish parent guide; a child
 * joins and, for every assigned module with Spanish files, reads the lesson and takes the quiz in
 * Spanish. The Spanish expected on the pages is read from the {@code .es} files themselves, not
 * from the app; a module whose Spanish files are not written yet must show English with the note
 * that says so, so the journey covers each module as its translation lands, with no change here.
 */
// the third longest starts early: failsafe runs two classes at a time (pom.xml)
@Order(3)
class TeacherRunsASpanishClassIT extends JourneyTest {

	private static final Band BAND = Band.AGES_11_13;

	private static final Path CONTENT = Path.of("content");

	// "## Tus adultos de confianza {#your-adults}": a step heading and its id.
	private static final Pattern STEP = Pattern.compile("^## (.+?)\\s*\\{#[a-z0-9-]+\\}\\s*$", Pattern.MULTILINE);

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
		List<String> readInSpanish = new ArrayList<>();
		for (Module module : assigned) {
			Optional<SpanishLesson> lesson = SpanishLesson.of(module.id());
			if (lesson.isPresent() && Files.exists(quizFile(module.id(), "es"))) {
				readsTheLessonAndTakesTheQuizInSpanish(module, lesson.get());
				readInSpanish.add(module.id());
			}
			else {
				open("/learn/" + module.id());
				assertThat(find(By.cssSelector(".language-fallback")).getText()).as(module.id() + " not yet in Spanish")
					.isEqualTo("Esta página todavía no está disponible en español, así que se muestra en inglés.");
			}
			open("/learn");
		}
		assertThat(readInSpanish).as("the modules shipped in Spanish were read in Spanish")
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
			find(By.cssSelector("form[action$='/assignments'] button[type=submit]")).click();
			if (module.sensitive()) {
				assertThat(heading()).isEqualTo("Before you assign: " + module.title());
				find(By.cssSelector("main form button[type=submit]")).click();
			}
			waitUpTo(PATIENCE)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assignments"), module.title()));
			assigned.add(module);
		}
		return assigned;
	}

	private void theLetterIsInSpanishAndLinksTheSpanishGuides(List<Module> assigned) {
		assertThat(heading()).isEqualTo("Lo que su hijo o hija está aprendiendo sobre la seguridad en internet");
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		String letter = find(By.cssSelector(".letter")).getText();
		assertThat(letter).contains("Estimada familia:", "la clase 6.º B usará SafeSteps").doesNotContain("Dear parent");
		String letterPage = this.driver.getCurrentUrl();
		int guidesFollowed = 0;
		for (Module module : assigned) {
			spanishYaml(CONTENT.resolve("modules").resolve(module.id()).resolve("module.es.yml"))
				.ifPresent((yml) -> assertThat(letter).as(module.id() + " title").contains((String) yml.get("title")));
			Path guide = CONTENT.resolve("guidance").resolve(module.guideId() + ".es.md");
			if (module.guideId() == null || !Files.exists(guide)) {
				continue;
			}
			String link = url("/parents/" + module.guideId() + "?lang=es");
			assertThat(letter).as(module.id() + " guide").contains(link);
			find(By.linkText(link)).click();
			assertThat(heading()).as(link).isEqualTo(frontMatter(read(guide)).get("title"));
			assertThat(this.driver.findElements(By.cssSelector(".language-fallback"))).as(link).isEmpty();
			assertThat(find(By.cssSelector("article.guide")).getAttribute("lang")).isEqualTo("es");
			this.driver.get(letterPage);
			guidesFollowed++;
		}
		assertThat(guidesFollowed).as("the Spanish guides on main (trusted-adults, sextortion at least)")
			.isGreaterThanOrEqualTo(2);
	}

	private void readsTheLessonAndTakesTheQuizInSpanish(Module module, SpanishLesson lesson) {
		WebElement link = find(By.cssSelector("main a[href='/learn/" + module.id() + "']"));
		spanishYaml(CONTENT.resolve("modules").resolve(module.id()).resolve("module.es.yml"))
			.ifPresent((yml) -> assertThat(link.getText()).isEqualTo(yml.get("title")));
		link.click();
		waitForPath("/learn/" + module.id());
		assertThat(heading()).as(module.id()).isEqualTo(lesson.title())
			.isNotEqualTo(module.lesson(BAND).orElseThrow().title());
		assertThat(this.driver.findElements(By.cssSelector(".language-fallback"))).as(module.id()).isEmpty();
		int total = lesson.steps().size();
		for (int step = 1; step <= total; step++) {
			assertThat(find(By.cssSelector(".step-progress")).getText()).isEqualTo("Paso " + step + " de " + total);
			WebElement article = find(By.cssSelector("article.lesson-step"));
			assertThat(article.getAttribute("lang")).isEqualTo("es");
			assertThat(article.findElement(By.tagName("h2")).getText()).as(module.id() + " step " + step)
				.isEqualTo(lesson.steps().get(step - 1));
			if (step < total) {
				find(By.cssSelector("a[rel=next]")).click();
				waitForPath("step=" + (step + 1));
			}
		}
		find(By.linkText("Hacer el cuestionario")).click();
		waitForPath("/learn/" + module.id() + "/quiz");

		List<String> questions = spanishQuestions(module.id());
		assertThat(this.driver.findElements(By.cssSelector(".question-text"))).extracting(WebElement::getText)
			.as(module.id() + " quiz").containsExactlyElementsOf(questions);
		Quiz quiz = module.quiz(BAND, "es").orElseThrow().value();
		ChildPages.answer(this.driver, quiz, true);
		assertThat(heading()).isEqualTo("Tus respuestas");
		assertThat(find(By.tagName("main")).getText()).contains("¡Muy bien, todas las respuestas son correctas!");
	}

	private void signIn(String email, String password) {
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
	}

	private static Path quizFile(String moduleId, String language) {
		return CONTENT.resolve("modules").resolve(moduleId).resolve(BAND.id() + ".quiz." + language + ".yml");
	}

	@SuppressWarnings("unchecked")
	private static List<String> spanishQuestions(String moduleId) {
		Map<String, Object> quiz = new Yaml().load(read(quizFile(moduleId, "es")));
		return ((List<Map<String, Object>>) quiz.get("questions")).stream().map((q) -> (String) q.get("text")).toList();
	}

	private static Optional<Map<String, Object>> spanishYaml(Path file) {
		return Files.exists(file) ? Optional.of(new Yaml().load(read(file))) : Optional.empty();
	}

	private static Map<String, Object> frontMatter(String markdown) {
		Matcher matcher = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL).matcher(markdown);
		assertThat(matcher.find()).as("front matter").isTrue();
		return new Yaml().load(matcher.group(1));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A Spanish lesson as its file has it: the title and the step headings, in order. */
	private record SpanishLesson(String title, List<String> steps) {

		static Optional<SpanishLesson> of(String moduleId) {
			Path file = CONTENT.resolve("modules").resolve(moduleId).resolve(BAND.id() + ".es.md");
			if (!Files.exists(file)) {
				return Optional.empty();
			}
			String markdown = read(file);
			List<String> steps = STEP.matcher(markdown).results().map((step) -> step.group(1)).toList();
			return Optional.of(new SpanishLesson((String) frontMatter(markdown).get("title"), steps));
		}

	}

}
