package org.safesteps.learner;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Friendly made-up names ("Brave Otter"): what a teacher and the child see instead of a name. 40
 * adjectives and 40 animals give 1,600 names per class; the unique index on (class, pseudonym)
 * makes a clash fail, and the join draws again. Self-learners all share the "no class" space, so
 * their names carry a number ("Calm Panda 4821").
 */
final class Pseudonyms {

	static final List<String> ADJECTIVES = List.of("Brave", "Bright", "Calm", "Clever", "Cosy", "Curious", "Daring",
			"Eager", "Fair", "Friendly", "Gentle", "Happy", "Helpful", "Honest", "Jolly", "Kind", "Lively", "Lucky",
			"Merry", "Mighty", "Neat", "Nimble", "Patient", "Playful", "Polite", "Proud", "Quick", "Quiet", "Sunny",
			"Swift", "Steady", "Smart", "Sparkly", "Thoughtful", "Tidy", "Trusty", "Warm", "Wise", "Witty", "Zesty");

	static final List<String> ANIMALS = List.of("Otter", "Badger", "Beaver", "Dolphin", "Eagle", "Falcon", "Fox",
			"Gecko", "Giraffe", "Hedgehog", "Heron", "Koala", "Lemur", "Leopard", "Lion", "Llama", "Lynx", "Meerkat",
			"Narwhal", "Owl", "Panda", "Parrot", "Penguin", "Puffin", "Rabbit", "Raccoon", "Robin", "Seal", "Sloth",
			"Squirrel", "Swan", "Tiger", "Toucan", "Turtle", "Walrus", "Whale", "Wolf", "Wombat", "Yak", "Zebra");

	private Pseudonyms() {
	}

	static String forClass(RandomGenerator random) {
		return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + ANIMALS.get(random.nextInt(ANIMALS.size()));
	}

	static String forSelfLearner(RandomGenerator random) {
		return forClass(random) + " " + (1000 + random.nextInt(9000));
	}

}
