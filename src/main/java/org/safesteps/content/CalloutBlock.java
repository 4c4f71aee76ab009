package org.safesteps.content;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A `:::kind` ... `:::` container in lesson Markdown. */
final class CalloutBlock extends Block {

	private final String kind;

	private final String option;

	private final int line;

	// Kept on the node so validation can report an unclosed callout with its line after parsing.
	private boolean closed;

	CalloutBlock(String kind, String option, int line) {
		this.kind = kind;
		this.option = option;
		this.line = line;
	}

	String kind() {
		return kind;
	}

	/** The word after the kind ({@code :::help crisis}), or null. */
	String option() {
		return option;
	}

	boolean isClosed() {
		return closed;
	}

	void markClosed() {
		closed = true;
	}

	/** 1-based line of the opening fence (the node's own chars start at its first child). */
	int line() {
		return line;
	}

	@Override
	public BasedSequence[] getSegments() {
		return EMPTY_SEGMENTS;
	}

}
