package org.safesteps.journeys;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Step;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-aloud: in the youngest band a Listen button reads the step aloud with the browser's speech
 * synthesis (headless Chromium has the API), a second press stops; older bands have no button
 * unless the display options switch read-aloud on.
 */
class ChildListensToALessonIT extends JourneyTest {

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void listenButtonReadsTheStepInThePageLanguageAndStopsOnASecondPress() {
		SchoolClass schoolClass = this.classes.create("Listening class", Band.AGES_5_7, "teacher-listen");
		ChildPages.join(this, schoolClass.joinCode());
		String module = this.curriculum.modulesFor(Band.AGES_5_7).get(0).id();
		Step step = this.curriculum.module(module).orElseThrow().lesson(Band.AGES_5_7).orElseThrow().steps().get(0);
		open("/learn/" + module);
		assertThat(js("return typeof window.speechSynthesis")).isEqualTo("object");
		WebElement listen = find(By.cssSelector(".lesson-step [data-listen]"));
		assertThat(listen.getText()).isEqualTo("Listen");

		// Keep a copy of what is handed to the speech engine. With voices it still speaks; headless
		// Chromium usually has none (speaking would fail at once), so then only the button state is checked.
		boolean voices = Boolean.TRUE.equals(js("return window.speechSynthesis.getVoices().length > 0"));
		js("""
				const synth = window.speechSynthesis, speak = synth.speak.bind(synth), forward = arguments[0];
				synth.speak = (u) => { window.spoken = { text: u.text, lang: u.lang }; if (forward) { speak(u); } };
				""", voices);
		listen.click();
		assertThat(listen.getText()).isEqualTo("Stop");
		assertThat(listen.getAttribute("data-speaking")).isNotNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> spoken = (Map<String, Object>) js("return window.spoken");
		assertThat(spoken.get("lang")).isEqualTo(js("return document.documentElement.lang")).asString().startsWith("en");
		String text = (String) spoken.get("text");
		assertThat(text).startsWith(step.title()).doesNotContain("Listen", "Stop");
		String firstWords = find(By.cssSelector(".lesson-body p")).getText().split("\\s+")[0];
		assertThat(text.indexOf(firstWords, step.title().length())).isPositive();
		if (voices) {
			waitUpTo(PATIENCE)
				.until((d) -> Boolean.TRUE.equals(js("return window.speechSynthesis.speaking || window.speechSynthesis.pending")));
		}

		listen.click();
		assertThat(listen.getText()).isEqualTo("Listen");
		assertThat(listen.getAttribute("data-speaking")).isNull();

		open("/learn/" + module + "/quiz");
		assertThat(this.driver.findElements(By.cssSelector("fieldset.question [data-listen]")))
			.allSatisfy((button) -> assertThat(button.isDisplayed()).isTrue())
			.hasSameSizeAs(this.driver.findElements(By.cssSelector("fieldset.question")));
	}

	@Test
	void olderBandsListenOnlyWhenTheDisplayOptionsSaySo() {
		SchoolClass schoolClass = this.classes.create("Older class", Band.AGES_11_13, "teacher-listen");
		ChildPages.join(this, schoolClass.joinCode());
		String module = this.curriculum.modulesFor(Band.AGES_11_13).get(0).id();
		open("/learn/" + module);
		assertThat(this.driver.findElements(By.cssSelector("[data-listen]"))).isEmpty();

		find(By.linkText("Display options")).click();
		find(By.cssSelector("label[for=readAloud]")).click();
		find(By.cssSelector("form.display-form button[type=submit]")).click();
		waitForPath("/learn/" + module);
		assertThat(find(By.cssSelector(".lesson-step [data-listen]")).isDisplayed()).isTrue();
	}

	@Test
	void withoutSpeechSynthesisTheButtonStaysHidden() {
		SchoolClass schoolClass = this.classes.create("Quiet class", Band.AGES_5_7, "teacher-listen");
		ChildPages.join(this, schoolClass.joinCode());
		String module = this.curriculum.modulesFor(Band.AGES_5_7).get(0).id();
		org.openqa.selenium.chromium.HasCdp cdp = (org.openqa.selenium.chromium.HasCdp) this.driver;
		Map<String, Object> script = cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "delete window.speechSynthesis; delete Window.prototype.speechSynthesis;"));
		try {
			open("/learn/" + module);
			assertThat(js("return typeof window.speechSynthesis")).isEqualTo("undefined");
			WebElement listen = this.driver.findElement(By.cssSelector(".lesson-step [data-listen]"));
			assertThat(listen.isDisplayed()).isFalse();
			assertThat(listen.getAttribute("hidden")).isNotNull();
		}
		finally {
			cdp.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
		}
	}

	private Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

}
