package org.safesteps.content;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Flexmark extension for the callout containers {@code :::tip}, {@code :::talk}, {@code :::scenario}
 * and {@code :::help}, each closed by a line {@code :::}.
 */
final class CalloutExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

	/**
	 * Written inside every help box where the country's services go. An HTML comment cannot come
	 * from content (raw HTML is escaped), so the marker cannot be forged by a lesson.
	 */
	static final String HELP_SERVICES_MARKER = "<!--safesteps:help-services-->";

	/** Written after the services in a {@code :::help crisis} box, where the country's crisis lines go. */
	static final String CRISIS_LINES_MARKER = "<!--safesteps:crisis-lines-->";

	/** The one option a callout takes: {@code :::help crisis} also names the reader's crisis line. */
	static final String CRISIS_OPTION = "crisis";

	/** Set on a document to name its callouts in the document's language (English by default). */
	static final DataKey<CalloutLabels> LABELS = new DataKey<>("SAFESTEPS_CALLOUT_LABELS", CalloutLabels.ENGLISH);

	private static final Pattern OPENING = Pattern.compile(":::\\s*([A-Za-z][A-Za-z0-9-]*)(?:\\s+([A-Za-z][A-Za-z0-9-]*))?\\s*");

	private static final Pattern CLOSING = Pattern.compile(":::\\s*");

	private CalloutExtension() {
	}

	static CalloutExtension create() {
		return new CalloutExtension();
	}

	@Override
	public void parserOptions(MutableDataHolder options) {
	}

	@Override
	public void extend(Parser.Builder builder) {
		builder.customBlockParserFactory(new StartFactory());
	}

	@Override
	public void rendererOptions(MutableDataHolder options) {
	}

	@Override
	public void extend(HtmlRenderer.Builder builder, String rendererType) {
		builder.nodeRendererFactory(
				options -> () -> Set.of(new NodeRenderingHandler<>(CalloutBlock.class, CalloutExtension::render)));
	}

	private static final class StartFactory implements CustomBlockParserFactory {

		@Override
		public BlockParserFactory apply(DataHolder options) {
			return StartFactory::tryStart;
		}

		@Override
		public Set<Class<?>> getAfterDependents() {
			return null;
		}

		@Override
		public Set<Class<?>> getBeforeDependents() {
			return null;
		}

		@Override
		public boolean affectsGlobalScope() {
			return false;
		}

		private static BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
			if (state.getIndent() >= 4) {
				return BlockStart.none();
			}
			BasedSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex());
			Matcher matcher = OPENING.matcher(rest.trimEOL());
			if (!matcher.matches()) {
				return BlockStart.none();
			}
			String option = matcher.group(2) == null ? null : matcher.group(2).toLowerCase(Locale.ROOT);
			CalloutBlock block = new CalloutBlock(new Fence(matcher.group(1).toLowerCase(Locale.ROOT), option,
					state.getLineNumber() + 1));
			return BlockStart.of(new CalloutParser(block)).atIndex(state.getLineEndIndex());
		}

	}

	private static final class CalloutParser extends AbstractBlockParser {

		private final CalloutBlock block;

		CalloutParser(CalloutBlock block) {
			this.block = block;
		}

		@Override
		public Block getBlock() {
			return block;
		}

		@Override
		public BlockContinue tryContinue(ParserState state) {
			if (block.closed) {
				return BlockContinue.none();
			}
			BasedSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex());
			if (state.getIndent() < 4 && CLOSING.matcher(rest.trimEOL()).matches()) {
				// Consume the fence line so it never reaches a child paragraph; the block ends on the next line.
				block.closed = true;
				return BlockContinue.atIndex(state.getLineEndIndex());
			}
			return BlockContinue.atIndex(state.getIndex());
		}

		@Override
		public boolean isContainer() {
			return true;
		}

		@Override
		public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
			return true;
		}

		@Override
		public void closeBlock(ParserState state) {
			block.setCharsFromContent();
		}

	}

	private static void render(CalloutBlock node, NodeRendererContext context, HtmlWriter html) {
		// Unknown kinds never reach a reader (they are validation errors); render them plainly anyway.
		CalloutKind kind = CalloutKind.fromId(node.fence.kind()).orElse(null);
		html.line();
		if (kind == null) {
			html.raw("<aside class=\"callout\">");
		}
		else {
			html.raw("<aside class=\"callout callout-" + kind.id() + "\" aria-label=\""
					+ HelpBoxes.escape(LABELS.get(context.getDocument()).name(kind)) + "\">");
		}
		html.line();
		context.renderChildren(node);
		if (kind == CalloutKind.HELP) {
			html.line().raw(HELP_SERVICES_MARKER).line();
			if (CRISIS_OPTION.equals(node.fence.option())) {
				html.raw(CRISIS_LINES_MARKER).line();
			}
		}
		html.raw("</aside>").line();
	}

	/** A `:::kind` ... `:::` container in lesson Markdown. */
	static final class CalloutBlock extends Block {

		final Fence fence;

		// Kept on the node so validation can report an unclosed callout with its line after parsing.
		boolean closed;

		CalloutBlock(Fence fence) {
			this.fence = fence;
		}

		@Override
		public BasedSequence[] getSegments() {
			return EMPTY_SEGMENTS;
		}

	}

	/**
	 * A callout's opening fence: its kind, the word after it ({@code :::help crisis}) or null, and its
	 * 1-based line (the node's own chars start at its first child).
	 */
	record Fence(String kind, String option, int line) {
	}

}
