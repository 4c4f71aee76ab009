package org.safesteps.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a {@code <band>.quiz.yml} file and checks every question against the rules of its type. */
final class QuizReader {

	private final String path;

	private final Problems problems;

	private final SafeguardingLint lint;

	private QuizReader(String path, Problems problems, SafeguardingLint lint) {
		this.path = path;
		this.problems = problems;
		this.lint = lint;
	}

	/** The quiz, or null when the file is not readable at all (the reason is reported). */
	static Quiz read(String path, String text, Problems problems, SafeguardingLint lint) {
		return YamlFile.parse(path, text, problems).map(new QuizReader(path, problems, lint)::quiz).orElse(null);
	}

	private Quiz quiz(YamlFile.Mapping file) {
		List<YamlFile.Mapping> entries = file.mappings("questions");
		if (entries.isEmpty()) {
			problems.error(path, file.lineOf("questions"), "quiz has no questions");
		}
		List<Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (YamlFile.Mapping entry : entries) {
			Question question = question(entry);
			if (question == null) {
				continue;
			}
			if (!ids.add(question.id())) {
				problems.error(path, entry.lineOf("id"), "duplicate question id '" + question.id() + "'");
			}
			questions.add(question);
		}
		Quiz quiz = new Quiz(questions);
		QuizBalance.check(path, file.lineOf("questions"), quiz, problems);
		return quiz;
	}

	private Question question(YamlFile.Mapping entry) {
		String id = entry.requiredText("id", "question");
		String name = "question '" + (id == null ? "?" : id) + "'";
		String typeId = entry.requiredText("type", name);
		String text = entry.requiredText("text", name);
		lint(entry, "text");
		QuestionType type = null;
		if (typeId != null) {
			type = QuestionType.fromId(typeId).orElse(null);
			if (type == null) {
				problems.error(path, entry.lineOf("type"),
						"unknown question type '" + typeId + "' (single, multiple, true-false, order or scenario)");
			}
		}
		if (type == null) {
			return null;
		}
		String story = null;
		if (type == QuestionType.SCENARIO) {
			story = entry.requiredText("story", "scenario " + name);
			lint(entry, "story");
		}
		List<Option> options = type == QuestionType.ORDER ? items(entry, name) : options(entry, type, name);
		checkCorrect(entry, type, name, options);
		if (id == null || text == null) {
			return null;
		}
		return new Question(id, type, text, story, options);
	}

	private List<Option> options(YamlFile.Mapping question, QuestionType type, String name) {
		List<YamlFile.Mapping> entries = question.mappings("options");
		if (entries.isEmpty()) {
			problems.error(path, question.line(), name + " has no options");
		}
		List<Option> options = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (YamlFile.Mapping entry : entries) {
			String id = entry.requiredText("id", "option of " + name);
			String option = "option '" + (id == null ? "?" : id) + "' of " + name;
			if (id != null && !ids.add(id)) {
				problems.error(path, entry.lineOf("id"), "duplicate option id '" + id + "' in " + name);
			}
			String text = entry.requiredText("text", option);
			boolean correct = entry.bool("correct", false);
			String feedback = feedback(entry, option);
			String outcome = entry.text("outcome");
			if (type == QuestionType.SCENARIO && (outcome == null || outcome.isBlank())) {
				problems.error(path, entry.line(), "option '" + (id == null ? "?" : id) + "' of scenario " + name
						+ " has no outcome (what happens next)");
			}
			lint(entry, "text");
			lint(entry, "feedback");
			lint(entry, "outcome");
			options.add(new Option(id == null ? "" : id, text == null ? "" : text, correct, feedback,
					type == QuestionType.SCENARIO ? outcome : null));
		}
		if (type == QuestionType.TRUE_FALSE && !entries.isEmpty()
				&& !(options.size() == 2 && ids.equals(Set.of("true", "false")))) {
			problems.error(path, question.lineOf("options"),
					"true-false " + name + " needs exactly two options, with ids \"true\" and \"false\"");
		}
		return options;
	}

	private List<Option> items(YamlFile.Mapping question, String name) {
		if (!question.has("items")) {
			problems.error(path, question.line(), "order " + name + " has no items (list them under 'items', in the right order)");
			return List.of();
		}
		List<Option> items = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (YamlFile.Mapping entry : question.mappings("items")) {
			String id = entry.requiredText("id", "item of " + name);
			if (id != null && !ids.add(id)) {
				problems.error(path, entry.lineOf("id"), "duplicate item id '" + id + "' in " + name);
			}
			String item = "item '" + (id == null ? "?" : id) + "' of " + name;
			String text = entry.requiredText("text", item);
			String feedback = feedback(entry, item);
			lint(entry, "text");
			lint(entry, "feedback");
			// The answer to an order question is the order itself, so no item is "correct" on its own.
			items.add(new Option(id == null ? "" : id, text == null ? "" : text, false, feedback, null));
		}
		return items;
	}

	private String feedback(YamlFile.Mapping entry, String what) {
		String feedback = entry.text("feedback");
		if (feedback == null || feedback.isBlank()) {
			problems.error(path, entry.line(), what + " has no feedback");
			return "";
		}
		return feedback.strip();
	}

	private void checkCorrect(YamlFile.Mapping entry, QuestionType type, String name, List<Option> options) {
		if (options.isEmpty() || type == QuestionType.ORDER) {
			return;
		}
		long correct = options.stream().filter(Option::correct).count();
		if (type == QuestionType.MULTIPLE) {
			if (correct == 0) {
				problems.error(path, entry.line(), name + " (multiple) needs at least one correct option");
			}
		}
		else if (correct != 1) {
			problems.error(path, entry.line(),
					name + " (" + type.id() + ") needs exactly one correct option, has " + correct);
		}
	}

	private void lint(YamlFile.Mapping entry, String key) {
		if (entry.value(key) != null) {
			lint.checkText(path, YamlFile.line(entry.value(key)), entry.text(key), problems);
		}
	}

}
