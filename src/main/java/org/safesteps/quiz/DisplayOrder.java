package org.safesteps.quiz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;

/**
 * The order one learner sees a question's options in. {@code single}, {@code multiple} and
 * {@code scenario} options are shuffled per learner and question, so answering by position scores
 * no better than chance; the shuffle is seeded (never random per request), so a reload, the back
 * button and a form given back with errors all show the same order, and the form's choice numbers
 * mean the same options when it comes back. Content lists {@code order} items in their right order,
 * so they are shuffled too (by question; a shuffle that happens to give the right order is rotated
 * by one). True/false keeps "True" before "False".
 *
 * <p>The seed is a {@link #key() key} derived from the learner's id, not the id itself: the quiz form
 * carries it, so a form given back while the database (and so the learner) cannot be read still
 * shows the learner's order.
 */
public final class DisplayOrder {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}");

	/** The author's order, for pages that are not a learner's (teacher preview). */
	public static final DisplayOrder AUTHORED = new DisplayOrder(null);

	private final String key;

	private DisplayOrder(String key) {
		this.key = key;
	}

	public static DisplayOrder forLearner(String learnerId) {
		return new DisplayOrder(HexFormat.of().formatHex(sha256("option-order:" + learnerId), 0, 8));
	}

	/** The order a form's key stands for; empty if the key is not one this class makes. */
	public static Optional<DisplayOrder> fromKey(String key) {
		return (key != null && KEY.matcher(key).matches()) ? Optional.of(new DisplayOrder(key)) : Optional.empty();
	}

	/** What the quiz form carries to show the same order again; null for the authored order. */
	public String key() {
		return this.key;
	}

	public List<Option> of(Question question) {
		List<Option> options = question.options();
		if (options.size() < 2) {
			return options;
		}
		return switch (question.type()) {
			case ORDER -> orderItems(question);
			case TRUE_FALSE -> options.stream().sorted(Comparator.comparing((Option o) -> !"true".equals(o.id()))).toList();
			case SINGLE, MULTIPLE, SCENARIO -> (this.key == null) ? options : shuffled(question);
		};
	}

	private List<Option> shuffled(Question question) {
		List<Option> shown = new ArrayList<>(question.options());
		long seed = ByteBuffer.wrap(sha256(this.key + "/" + question.id())).getLong();
		Collections.shuffle(shown, new Random(seed));
		return List.copyOf(shown);
	}

	private static List<Option> orderItems(Question question) {
		List<Option> shown = new ArrayList<>(question.options());
		long seed = question.id().hashCode() * 31L + question.options().stream().map(Option::id).toList().hashCode();
		Collections.shuffle(shown, new Random(seed));
		if (shown.equals(question.options())) {
			Collections.rotate(shown, 1);
		}
		return List.copyOf(shown);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
