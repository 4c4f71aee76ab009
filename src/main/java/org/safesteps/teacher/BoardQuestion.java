package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.safesteps.content.Band;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;

/**
 * A quiz question as the class sees it on the board or on paper: options lettered A, B, C... in
 * an order that does not give away the authored one (the right answer is often written first),
 * the same order every time for one module, band and question, so the board, the worksheet and
 * the answer key agree.
 */
record BoardQuestion(Question question, List<Lettered> options) {

	static BoardQuestion of(String moduleId, Band band, Question question) {
		List<Option> shuffled = new ArrayList<>(question.options());
		Collections.shuffle(shuffled, new Random((moduleId + "/" + band.id() + "/" + question.id()).hashCode()));
		// true/false reads best in its usual order
		if (question.type() == QuestionType.TRUE_FALSE) {
			shuffled = new ArrayList<>(question.options());
		}
		List<Lettered> lettered = new ArrayList<>();
		for (int index = 0; index < shuffled.size(); index++) {
			lettered.add(new Lettered(letter(index), shuffled.get(index)));
		}
		return new BoardQuestion(question, List.copyOf(lettered));
	}

	static String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

	/** One answer per child: the questions a tally of hands can count. */
	public boolean tallied() {
		return this.question.type() != QuestionType.MULTIPLE && this.question.type() != QuestionType.ORDER;
	}

	public boolean order() {
		return this.question.type() == QuestionType.ORDER;
	}

	/** For an order question: the letters in the right order ("C, A, B"). */
	public String rightOrder() {
		List<String> letters = new ArrayList<>();
		for (Option item : this.question.options()) {
			this.options.stream().filter((l) -> l.option().id().equals(item.id())).findFirst()
				.ifPresent((l) -> letters.add(l.letter()));
		}
		return String.join(", ", letters);
	}

	/** The hint above the options: one answer, several, or an order. */
	public String kind() {
		return switch (this.question.type()) {
			case MULTIPLE -> "multiple";
			case ORDER -> "order";
			default -> "single";
		};
	}

	/** An option with its letter. */
	record Lettered(String letter, Option option) {
	}

}
