package org.safesteps.learner;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.safesteps.content.Band;
import org.safesteps.content.Option;
import org.safesteps.display.DisplayOptions;
import org.safesteps.quiz.QuestionResult;
import org.safesteps.quiz.QuizResult;
import org.safesteps.theme.RenderedText;
import org.safesteps.theme.Themes;

/**
 * A quiz result page put together from pieces rendered once and kept: the page around the results
 * (layout, score line, what comes after the list) per {@link Page} and score, and each question's
 * result per page and answer shown (the question, the options chosen and missed in the order the
 * learner saw them, right or wrong). Thymeleaf renders each piece from the theme's own template
 * ({@code learn/result}: the page with an empty list and a marker where the questions go, and its
 * fragment {@code question} alone), so the bytes are those of rendering the whole page for this
 * result. Nothing in a piece is the learner's but their answers, which are part of the piece's key;
 * a piece holding a form (a CSRF token is per browser) is never kept, and neither is a page in
 * which the marker is not found exactly once (a theme's own result template without it): such a
 * page is rendered whole, every time.
 * <p>
 * Before this, rendering the result page was about half of a submission's CPU time in the request
 * thread (docs/performance.md, "Where a quiz submission's CPU goes").
 */
@Component
@EnableConfigurationProperties(RenderedResultsProperties.class)
class RenderedResults {

	/** The model attribute the result template writes unescaped where the questions' results go. */
	static final String MARKER_ATTRIBUTE = "keptResults";

	private static final String MARKER = "<!--kept-results-" + UUID.randomUUID() + "-->";

	private final Cache<Frame, Split> frames;

	private final Cache<Item, byte[]> items;

	private final ViewResolver views;

	private final AtomicLong renders = new AtomicLong();

	RenderedResults(ThymeleafViewResolver views, Themes themes, RenderedResultsProperties properties) {
		this.views = views;
		Caffeine<Frame, Split> frames = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes() / 2)
			.weigher((Frame key, Split split) -> split.before().length + split.after().length + 300);
		Caffeine<Item, byte[]> items = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes() / 2)
			.weigher((Item key, byte[] html) -> html.length + 300);
		themes.templatesRereadAfter().ifPresent((after) -> {
			frames.expireAfterWrite(after);
			items.expireAfterWrite(after);
		});
		this.frames = frames.build();
		this.items = items.build();
	}

	/** The view of this result on a page of this key, rendered from the theme's {@code viewName}. */
	View view(Page page, QuizResult result, String viewName) {
		return new ResultView(page, result, viewName);
	}

	/** How many pieces (pages around results, questions' results, whole pages) were rendered, not taken from memory. */
	long renders() {
		return this.renders.get();
	}

	/** Forgets every kept piece (for tests comparing a kept page with a fresh rendering). */
	void clear() {
		this.frames.invalidateAll();
		this.items.invalidateAll();
	}

	/**
	 * Everything a result page depends on besides the result itself and the site's fixed parts (its
	 * settings, the language list): the same fields as a lesson step's key, and the confidence check
	 * offered under the result.
	 */
	record Page(String moduleId, Band band, String theme, String locale, String language, String helpCountry,
			DisplayOptions display, String currentPath, String displayReturn, boolean signedIn, String contentVersion,
			String contextPath, String checkAfter) {
	}

	/** The page around the results: the score line is all that differs between learners. */
	private record Frame(Page page, int correctCount, int questionCount, int score) {
	}

	/** One question's result as shown: the options by id in the order shown, right or wrong. */
	private record Item(Page page, String questionId, List<String> chosen, List<String> missed, boolean correct,
			List<Boolean> placedRight) {

		static Item of(Page page, QuestionResult q) {
			return new Item(page, q.question().id(), q.chosen().stream().map(Option::id).toList(),
					q.missed().stream().map(Option::id).toList(), q.correct(), q.placedRight());
		}

	}

	/** The page's bytes before and after the list of results, and its content type. */
	private record Split(byte[] before, byte[] after, String contentType) {
	}

	private final class ResultView implements View {

		private final Page page;

		private final QuizResult result;

		private final String viewName;

		ResultView(Page page, QuizResult result, String viewName) {
			this.page = page;
			this.result = result;
			this.viewName = viewName;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Frame key = new Frame(this.page, this.result.correctCount(), this.result.questionCount(),
					this.result.score());
			Split split = RenderedResults.this.frames.getIfPresent(key);
			if (split == null) {
				split = renderFrame(key, model, request, response);
				if (split == null) {
					// no marker where the results go, or a form on the page: this page is rendered whole
					byte[] whole = render(this.viewName, model, Map.of("result", this.result), request, response);
					response.getOutputStream().write(whole);
					return;
				}
			}
			// written piece by piece with its length given first: no copy of the whole page is made
			byte[][] items = new byte[this.result.questions().size()][];
			long length = split.before().length + split.after().length;
			for (int i = 0; i < items.length; i++) {
				items[i] = item(this.result.questions().get(i), model, request, response);
				length += items[i].length;
			}
			response.setContentType(split.contentType());
			response.setContentLengthLong(length);
			OutputStream body = response.getOutputStream();
			body.write(split.before());
			for (byte[] item : items) {
				body.write(item);
			}
			body.write(split.after());
		}

		/** The page with an empty list and the marker in it, cut at the marker (null: not to be kept). */
		private Split renderFrame(Frame key, Map<String, ?> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			QuizResult empty = new QuizResult(List.of(), key.correctCount(), key.questionCount(), key.score());
			Map<String, Object> extra = new HashMap<>();
			extra.put("result", empty);
			extra.put(MARKER_ATTRIBUTE, MARKER);
			String html = text(this.viewName, model, extra, request, response);
			int at = html.indexOf(MARKER);
			if (at < 0 || html.indexOf(MARKER, at + 1) >= 0 || RenderedSteps.holdsForm(html, request)) {
				return null;
			}
			Charset charset = charset(response);
			Split split = new Split(html.substring(0, at).getBytes(charset),
					html.substring(at + MARKER.length()).getBytes(charset), response.getContentType());
			RenderedResults.this.frames.put(key, split);
			return split;
		}

		private byte[] item(QuestionResult q, Map<String, ?> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Item key = Item.of(this.page, q);
			byte[] html = RenderedResults.this.items.getIfPresent(key);
			if (html == null) {
				String text = text(this.viewName + " :: question", model, Map.of("q", q), request, response);
				html = text.getBytes(charset(response));
				if (!RenderedSteps.holdsForm(text, request)) {
					RenderedResults.this.items.put(key, html);
				}
			}
			return html;
		}

		private byte[] render(String name, Map<String, ?> model, Map<String, Object> extra, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			return text(name, model, extra, request, response).getBytes(charset(response));
		}

		private String text(String name, Map<String, ?> model, Map<String, Object> extra, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			View template = RenderedResults.this.views.resolveViewName(name, response.getLocale());
			if (template == null) {
				throw new IllegalStateException("No template for " + name);
			}
			Map<String, Object> pieceModel = new HashMap<>(model);
			pieceModel.putAll(extra);
			// Thymeleaf keeps the model as request attributes: a piece's own values are put back after it
			Map<String, Object> before = new HashMap<>();
			extra.keySet().forEach((attribute) -> before.put(attribute, request.getAttribute(attribute)));
			RenderedText capture = new RenderedText(response, 16 * 1024);
			try {
				template.render(pieceModel, request, capture);
			}
			finally {
				before.forEach((attribute, value) -> {
					if (value != null) {
						request.setAttribute(attribute, value);
					}
					else {
						request.removeAttribute(attribute);
					}
				});
			}
			RenderedResults.this.renders.incrementAndGet();
			return capture.text();
		}

		private static Charset charset(HttpServletResponse response) {
			String charset = response.getCharacterEncoding();
			return (charset != null) ? Charset.forName(charset) : StandardCharsets.UTF_8;
		}
	}

}
