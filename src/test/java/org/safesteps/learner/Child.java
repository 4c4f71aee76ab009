package org.safesteps.learner;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.support.Http;

/**
 * A child's browser without JavaScript, for integration tests: keeps cookies and posts forms whose
 * fields may repeat (checkboxes), with the page's CSRF token. Thread-safe enough for parallel posts
 * once the cookies are set.
 */
final class Child {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern ORDER = Pattern.compile("name=\"order\" value=\"([^\"]+)\"");

	private static final Pattern SUBMISSION = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");

	private final Http http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	Child(int port) {
		this.http = new Http(port);
	}

	HttpResponse<String> get(String path) {
		return keep(this.http.send(withCookies(HttpRequest.newBuilder(this.http.uri(path))).GET().build()));
	}

	HttpResponse<String> post(String path, String page, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		Matcher csrf = CSRF.matcher(page);
		if (csrf.find()) {
			all.add(Map.entry("_csrf", csrf.group(1)));
		}
		String body = all.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return keep(this.http.send(withCookies(HttpRequest.newBuilder(this.http.uri(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build()));
	}

	HttpResponse<String> post(String path, String page, Map<String, String> fields) {
		return post(path, page, new ArrayList<>(fields.entrySet()));
	}

	/** Joins with a class code; the learner cookie is then kept. */
	Child join(String code) {
		HttpResponse<String> form = get("/join");
		HttpResponse<String> joined = post("/join", form.body(), Map.of("code", code));
		if (joined.statusCode() != 302) {
			throw new IllegalStateException("join failed: " + joined.statusCode());
		}
		return this;
	}

	String cookie(String name) {
		return this.cookies.get(name);
	}

	void forgetCookies() {
		this.cookies.clear();
	}

	static String submissionId(String page) {
		Matcher id = SUBMISSION.matcher(page);
		if (!id.find()) {
			throw new IllegalStateException("no submission id on the page");
		}
		return id.group(1);
	}

	/** The option order the quiz page shows this child, read from the form as a browser sends it. */
	static DisplayOrder order(String page) {
		Matcher key = ORDER.matcher(page);
		if (!key.find()) {
			throw new IllegalStateException("no option order on the page");
		}
		return DisplayOrder.fromKey(key.group(1)).orElseThrow();
	}

	/**
	 * Form fields answering every question on the quiz page right, or every question wrong, in the
	 * order the page shows them; with the page's hidden option order field, as a browser sends it.
	 */
	static List<Map.Entry<String, String>> answers(Quiz quiz, String page, boolean right) {
		DisplayOrder order = order(page);
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("order", order.key()));
		for (Question question : quiz.questions()) {
			List<Option> shown = order.of(question);
			String field = "q-" + question.id();
			if (question.type() == QuestionType.ORDER) {
				for (int i = 0; i < shown.size(); i++) {
					int place = right ? question.options().indexOf(shown.get(i)) + 1 : i + 1;
					fields.add(Map.entry(field + "-" + i, Integer.toString(place)));
				}
				continue;
			}
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i).correct() == right) {
					fields.add(Map.entry(field, Integer.toString(i)));
					if (!right || question.type() != QuestionType.MULTIPLE) {
						break;
					}
				}
			}
		}
		return fields;
	}

	private synchronized HttpRequest.Builder withCookies(HttpRequest.Builder request) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet().stream()
				.map((e) -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private synchronized HttpResponse<String> keep(HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).strip();
			String value = pair.substring(eq + 1).strip();
			if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
		return response;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
