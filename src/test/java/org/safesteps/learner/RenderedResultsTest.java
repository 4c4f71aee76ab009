package org.safesteps.learner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.display.DisplayOptions;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.theme.RequestLanguage;
import org.safesteps.theme.Theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A quiz result page put together from kept pieces is the page the result template renders whole
 * for the same result: for every module and band with a quiz, random answers of every question type
 * (one option, several, an order), all right and all wrong, in another language and with display
 * options; and a second learner answering alike gets the pieces from memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RenderedResultsTest {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@Autowired
	ApplicationContext context;

	@Autowired
	RenderedResults results;

	@Autowired
	LearnerStore store;

	@Autowired
	Curriculum curriculum;

	@Autowired
	ThymeleafViewResolver views;

	MockMvc mvc;

	final Random random = new Random(25);

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.context)
			.addFilters(this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Test
	void everyKeptResultPageIsTheWholeRenderingOfItsResult() throws Exception {
		int compared = 0;
		for (Band band : Band.values()) {
			for (Module module : this.curriculum.modulesFor(band)) {
				if (module.quiz(band).isEmpty()) {
					continue;
				}
				for (int pattern = 0; pattern < 4; pattern++) {
					Answers answers = (pattern == 0) ? Answers.RIGHT : (pattern == 1) ? Answers.WRONG : Answers.RANDOM;
					String page = submitAndCompare(band, module, answers);
					assertThat(page).contains("result-score");
					compared++;
				}
			}
		}
		assertThat(compared).as("results compared").isGreaterThan(20);
	}

	@Test
	void otherLanguagesAndDisplayOptionsAreKeptApartAndEqualTheirWholeRendering() throws Exception {
		Module module = this.curriculum.module("trusted-adults").orElseThrow();
		String spanish = submitAndCompare(Band.AGES_8_10, module, Answers.RANDOM,
				new Cookie(RequestLanguage.COOKIE, "es"));
		String larger = submitAndCompare(Band.AGES_8_10, module, Answers.RANDOM,
				new Cookie(DisplayOptions.COOKIE, "larger-text"));
		String arabic = submitAndCompare(Band.AGES_8_10, module, Answers.RIGHT, new Cookie(RequestLanguage.COOKIE, "ar"));

		assertThat(spanish).containsPattern("<html[^>]*\\blang=\"es\"");
		assertThat(larger).contains("display-larger-text");
		assertThat(arabic).containsPattern("<html[^>]*\\bdir=\"rtl\"");
	}

	@Test
	void aSecondLearnerAnsweringAlikeGetsThePiecesFromMemory() throws Exception {
		Module module = this.curriculum.module("trusted-adults").orElseThrow();
		Quiz quiz = module.quiz(Band.AGES_8_10).orElseThrow();
		this.results.clear();
		long renders = this.results.renders();
		Submitted first = submit(Band.AGES_8_10, module, Answers.RIGHT);
		long afterFirst = this.results.renders();
		assertThat(afterFirst).as("the page around the results and each question rendered once")
			.isEqualTo(renders + 1 + quiz.questions().size());

		Submitted second = submit(Band.AGES_8_10, module, Answers.RIGHT);

		// the right options of a question with several are listed in the order each learner saw them
		long shownOtherwise = quiz.questions()
			.stream()
			.filter((question) -> !rightInOrderShown(question, first.order()).equals(rightInOrderShown(question, second.order())))
			.count();
		assertThat(this.results.renders()).as("rendered for the second learner: only answers shown in another order")
			.isEqualTo(afterFirst + shownOtherwise);
		String secondPage = second.result().getResponse().getContentAsString();
		assertThat(secondPage).contains("result-score");
		if (shownOtherwise == 0) {
			assertThat(secondPage).isEqualTo(first.result().getResponse().getContentAsString());
		}
	}

	private static List<String> rightInOrderShown(Question question, DisplayOrder order) {
		if (question.type() == QuestionType.ORDER) {
			return List.of();
		}
		return order.of(question).stream().filter((option) -> option.correct()).map((option) -> option.id()).toList();
	}

	private record Submitted(MvcResult result, DisplayOrder order) {
	}

	private enum Answers {

		RIGHT, WRONG, RANDOM

	}

	/** Submits as a new learner and checks the page against the template rendered whole; returns the page. */
	private String submitAndCompare(Band band, Module module, Answers answers, Cookie... cookies) throws Exception {
		MvcResult result = submit(band, module, answers, cookies).result();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String kept = result.getResponse().getContentAsString();
		Theme theme = (Theme) result.getModelAndView().getModel().get("theme");
		MockHttpServletResponse whole = new MockHttpServletResponse();
		Locale locale = result.getResponse().getLocale();
		View view = this.views.resolveViewName(theme.id() + "/learn/result", locale);
		view.render(result.getModelAndView().getModel(), result.getRequest(), whole);
		assertThat(kept).as("%s %s %s", module.id(), band, answers).isEqualTo(whole.getContentAsString());
		assertThat(result.getResponse().getContentLengthLong()).as("the length given before the pieces")
			.isEqualTo(result.getResponse().getContentAsByteArray().length);
		return kept;
	}

	private Submitted submit(Band band, Module module, Answers answers, Cookie... cookies) throws Exception {
		String token = Secrets.newToken();
		Learner learner = this.store.create(null, band, Secrets.sha256(token));
		Quiz quiz = module.quiz(band).orElseThrow();
		DisplayOrder order = DisplayOrder.forLearner(learner.id());
		List<Cookie> all = new ArrayList<>(List.of(cookies));
		all.add(new Cookie(LearnerCookie.NAME, token));
		// the CSRF cookie and form field a browser is given, not spring-security-test's csrf(): that swaps
		// the application's CSRF store for a session-based one, and this application is the one every
		// test of the default configuration shares (a child's /join then set a session, no CSRF cookie)
		MvcResult join = this.mvc.perform(get("/join")).andReturn();
		Cookie csrfCookie = join.getResponse().getCookie("safesteps_csrf");
		assertThat(csrfCookie).as("the CSRF cookie of a new browser").isNotNull();
		all.add(new Cookie(csrfCookie.getName(), csrfCookie.getValue()));
		Matcher field = CSRF_FIELD.matcher(join.getResponse().getContentAsString());
		assertThat(field.find()).as("the join form's CSRF field").isTrue();
		MockHttpServletRequestBuilder request = post("/learn/" + module.id() + "/quiz").param("_csrf", field.group(1))
			.cookie(all.toArray(Cookie[]::new))
			.param("submissionId", UUID.randomUUID().toString())
			.param("order", order.key())
			.param("band", band.id());
		for (Question question : quiz.questions()) {
			answer(request, question, order.of(question).stream().map((o) -> o.correct()).toList(), question.options()
				.size(), answers, order.of(question).stream().map((o) -> question.options().indexOf(o) + 1).toList());
		}
		return new Submitted(this.mvc.perform(request).andReturn(), order);
	}

	/**
	 * One question's fields as the form sends them: the shown options' indexes, or for an order
	 * question each shown item's place.
	 */
	private void answer(MockHttpServletRequestBuilder request, Question question, List<Boolean> shownCorrect, int size,
			Answers answers, List<Integer> rightPlaces) {
		String field = "q-" + question.id();
		if (question.type() == QuestionType.ORDER) {
			List<Integer> places = new ArrayList<>();
			for (int i = 1; i <= size; i++) {
				places.add(i);
			}
			if (answers == Answers.RIGHT) {
				places = rightPlaces;
			}
			else if (answers == Answers.RANDOM) {
				Collections.shuffle(places, this.random);
			}
			else if (places.equals(rightPlaces)) {
				Collections.reverse(places);
			}
			for (int i = 0; i < places.size(); i++) {
				request.param(field + "-" + i, Integer.toString(places.get(i)));
			}
			return;
		}
		List<Integer> chosen = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			boolean pick = switch (answers) {
				case RIGHT -> shownCorrect.get(i);
				case WRONG -> !shownCorrect.get(i);
				case RANDOM -> this.random.nextBoolean();
			};
			if (pick) {
				chosen.add(i);
			}
		}
		if (chosen.isEmpty()) {
			chosen.add(this.random.nextInt(size));
		}
		if (question.type() != QuestionType.MULTIPLE) {
			chosen = List.of(chosen.get(this.random.nextInt(chosen.size())));
			if (answers == Answers.RIGHT) {
				chosen = List.of(shownCorrect.indexOf(true));
			}
		}
		for (int i : chosen) {
			request.param(field, Integer.toString(i));
		}
	}

}
