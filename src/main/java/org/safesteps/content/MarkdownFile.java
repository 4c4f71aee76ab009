package org.safesteps.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.safesteps.content.CalloutExtension.CalloutBlock;

/** One parsed Markdown file: its front matter, callouts, links, and its body split into steps or whole. */
record MarkdownFile(String path, Document document) {

	/** A link or image address in the file, for the cross-reference checks that need every module. */
	record LinkUse(String path, int line, String url, boolean image) {
	}

	/** The text and rendered body of a step before help boxes are filled in. */
	record StepDraft(String id, String title, int line, String html) {
	}

	/** Parses a file written in the language of {@code labels}, which name its callouts; reports unknown or unclosed ones. */
	static MarkdownFile parse(String path, String source, Problems problems, CalloutLabels labels) {
		Document document = Markdown.parse(source);
		document.set(CalloutExtension.LABELS, labels);
		MarkdownFile file = new MarkdownFile(path, document);
		for (Node node : document.getDescendants()) {
			if (node instanceof CalloutBlock block) {
				CalloutExtension.Fence callout = block.fence;
				if (CalloutKind.fromId(callout.kind()).isEmpty()) {
					problems.error(path, callout.line(), "unknown callout ':::" + callout.kind() + "' (use tip, talk, scenario or help)");
				}
				if (callout.option() != null && !(CalloutKind.HELP.id().equals(callout.kind())
						&& CalloutExtension.CRISIS_OPTION.equals(callout.option()))) {
					problems.error(path, callout.line(), "unknown option '" + callout.option() + "' on ':::" + callout.kind()
							+ "' (only ':::help crisis', which adds the reader's crisis line)");
				}
				if (!block.closed) {
					problems.error(path, callout.line(), "callout ':::" + callout.kind() + "' is not closed: end it with a line ':::'");
				}
			}
		}
		return file;
	}

	boolean hasHelpBox() {
		for (Node node : document.getDescendants()) {
			if (node instanceof CalloutBlock callout && CalloutKind.HELP.id().equals(callout.fence.kind())) {
				return true;
			}
		}
		return false;
	}

	List<LinkUse> links() {
		List<LinkUse> links = new ArrayList<>();
		for (Node node : document.getDescendants()) {
			if (node instanceof LinkNodeBase link && (node instanceof Reference || link.getUrl().isNotEmpty())) {
				links.add(new LinkUse(path, node.getStartLineNumber() + 1, link.getUrl().toString(), node instanceof Image));
			}
		}
		return links;
	}

	/** The whole body as HTML (front matter renders nothing). */
	String html() {
		return Markdown.render(document);
	}

	/** The words a reader sees, one block per line, for the readability score. */
	String plainText() {
		return plainText(document, new StringBuilder()).toString();
	}

	// One block (paragraph, heading, list item, cell) a line; front matter, ids, references and raw HTML are not read.
	private static StringBuilder plainText(Node node, StringBuilder text) {
		if (node instanceof Text) {
			text.append(node.getChars());
		}
		else if (node instanceof Code code) {
			text.append(code.getText());
		}
		else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
			text.append(node instanceof SoftLineBreak ? ' ' : '\n');
		}
		else if (!(node instanceof YamlFrontMatterBlock || node instanceof AttributesNode || node instanceof Reference
				|| node instanceof HtmlInline || node instanceof HtmlBlock)) {
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				plainText(child, text);
			}
			if (node instanceof Paragraph || node instanceof Heading || node instanceof TableCell) {
				text.append('\n');
			}
		}
		return text;
	}

	/** Splits the body at {@code ##} headings; anything but front matter before the first one is reported. */
	List<StepDraft> steps(Problems problems) {
		List<Heading> headings = new ArrayList<>();
		boolean reportedPreamble = false;
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Heading heading && heading.getLevel() == 2) {
				headings.add(heading);
			}
			else if (headings.isEmpty() && !reportedPreamble && !(node instanceof YamlFrontMatterBlock)
					&& !(node instanceof Reference)) {
				problems.error(path, node.getStartLineNumber() + 1,
						"text before the first ## heading: every step starts with a ## heading");
				reportedPreamble = true;
			}
		}
		// Rendered as one document so links, references and ids resolve as in the whole file.
		List<String> bodies = Markdown.renderSteps(document);
		List<StepDraft> steps = new ArrayList<>();
		for (int i = 0; i < headings.size(); i++) {
			steps.add(step(headings.get(i), bodies.get(i + 1), i));
		}
		return steps;
	}

	private static StepDraft step(Heading heading, String html, int index) {
		String title = plainText(heading, new StringBuilder()).toString().strip();
		String id = Objects.requireNonNullElseGet(explicitId(heading), () -> slug(title));
		if (id.isEmpty()) {
			id = "step-" + (index + 1);
		}
		return new StepDraft(id, title, heading.getStartLineNumber() + 1, html);
	}

	private static String explicitId(Heading heading) {
		for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof AttributesNode attributes) {
				for (Node attribute = attributes.getFirstChild(); attribute != null; attribute = attribute.getNext()) {
					if (attribute instanceof AttributeNode node && node.isId()) {
						return node.getValue().toString();
					}
				}
			}
		}
		return null;
	}

	/** Lower-case ASCII letters and digits joined by dashes: "Who can help?" becomes who-can-help. */
	static String slug(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
	}

}
