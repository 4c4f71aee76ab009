package org.safesteps.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.safesteps.content.ContentYaml.Required;

/** Reads a {@code <band>.quiz.yml} file and checks every question against the rules of its type. */
record QuizReader(String path, Problems problems, SafeguardingLint lint, ContentYaml.Doc<QuizReader.QuizFile> file) {

	/** {@code <band>.quiz.yml}, and its translations ({@code translated-from} set). */
	@JsonClassDescription("quiz")
	record QuizFile(@Required List<QuestionEntry> questions, @JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom)
			implements Translations.Translated {
	}

	/** A question; an {@code order} question has {@code items} (in the right order), the others {@code options}. */
	@JsonClassDescription("question")
	record QuestionEntry(@Required String id, @Required String type, @Required String text, String story,
			List<OptionEntry> options, List<OptionEntry> items) {
	}

	@JsonClassDescription("option")
	record OptionEntry(@Required String id, @Required String text, boolean correct, String feedback, String outcome) {
	}

	/** A quiz as read, with its file for the lines and {@code translated-from} a translation is checked with. */
	record Read(Quiz quiz, ContentYaml.Doc<QuizFile> file) {
	}

	/** The quiz, or null when the file is not readable at all (the reason is reported). */
	static Read read(String path, String text, Problems problems, SafeguardingLint lint) {
		return ContentYaml.read(path, text, QuizFile.class, problems)
			.map(file -> new Read(new QuizReader(path, problems, lint, file).quiz(), file))
			.orElse(null);
	}

	private Quiz quiz() {
		List<Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<QuestionEntry> entries = file.value().questions();
		for (int i = 0; i < entries.size(); i++) {
			Question question = question(entries.get(i), i);
			if (question != null && !ids.add(question.id())) {
				problems.error(path, file.line("questions", i, "id"), "duplicate question id '" + question.id() + "'");
			}
			if (question != null) {
				questions.add(question);
			}
		}
		Quiz quiz = new Quiz(questions);
		QuizBalance.check(path, file.line("questions"), quiz, problems);
		return quiz;
	}

	private Question question(QuestionEntry entry, int index) {
		String name = "question '" + entry.id() + "'";
		lint(entry.text(), "questions", index, "text");
		QuestionType type = QuestionType.fromId(entry.type()).orElse(null);
		if (type == null) {
			problems.error(path, file.line("questions", index, "type"),
					"unknown question type '" + entry.type() + "' (single, multiple, true-false, order or scenario)");
			return null;
		}
		if (type == QuestionType.SCENARIO) {
			if (entry.story() == null || entry.story().isBlank()) {
				problems.error(path, file.line("questions", index), "scenario " + name + " has no 'story'");
			}
			lint(entry.story(), "questions", index, "story");
		}
		List<Option> options = options(entry, index, type, name);
		checkCorrect(index, type, name, options);
		return new Question(entry.id(), type, entry.text(), type == QuestionType.SCENARIO ? entry.story() : null, options);
	}

	// An order question lists items, in the right order, where the others list options.
	private List<Option> options(QuestionEntry question, int index, QuestionType type, String name) {
		boolean order = type == QuestionType.ORDER;
		String noun = order ? "item" : "option";
		List<OptionEntry> entries = order ? question.items() : question.options();
		if (entries.isEmpty()) {
			problems.error(path, file.line("questions", index), order
					? "order " + name + " has no items (list them under 'items', in the right order)" : name + " has no options");
		}
		List<Option> options = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			OptionEntry entry = entries.get(i);
			Object[] at = { "questions", index, noun + "s", i };
			if (!ids.add(entry.id())) {
				problems.error(path, file.line(at, "id"), "duplicate " + noun + " id '" + entry.id() + "' in " + name);
			}
			String feedback = feedback(entry, noun + " '" + entry.id() + "' of " + name, at);
			if (type == QuestionType.SCENARIO && (entry.outcome() == null || entry.outcome().isBlank())) {
				problems.error(path, file.line(at), "option '" + entry.id() + "' of scenario " + name
						+ " has no outcome (what happens next)");
			}
			lint(entry.text(), at, "text");
			if (!order) {
				lint(entry.outcome(), at, "outcome");
			}
			// The answer to an order question is the order itself, so no item is "correct" on its own.
			options.add(new Option(entry.id(), entry.text(), !order && entry.correct(), feedback,
					type == QuestionType.SCENARIO ? entry.outcome() : null));
		}
		if (type == QuestionType.TRUE_FALSE && !options.isEmpty()
				&& !(options.size() == 2 && ids.equals(Set.of("true", "false")))) {
			problems.error(path, file.line("questions", index, "options"),
					"true-false " + name + " needs exactly two options, with ids \"true\" and \"false\"");
		}
		return options;
	}

	private String feedback(OptionEntry entry, String what, Object... at) {
		if (entry.feedback() == null || entry.feedback().isBlank()) {
			problems.error(path, file.line(at), what + " has no feedback");
			return "";
		}
		lint(entry.feedback(), at, "feedback");
		return entry.feedback().strip();
	}

	private void checkCorrect(int index, QuestionType type, String name, List<Option> options) {
		if (options.isEmpty() || type == QuestionType.ORDER) {
			return;
		}
		long correct = options.stream().filter(Option::correct).count();
		if (type == QuestionType.MULTIPLE) {
			if (correct == 0) {
				problems.error(path, file.line("questions", index), name + " (multiple) needs at least one correct option");
			}
		}
		else if (correct != 1) {
			problems.error(path, file.line("questions", index),
					name + " (" + type.id() + ") needs exactly one correct option, has " + correct);
		}
	}

	private void lint(String text, Object... at) {
		lint.checkText(path, () -> file.line(at), text, problems);
	}

}
