package org.safesteps.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Node;

/** The words a reader sees in a Markdown tree, one block (paragraph, heading, list item, cell) per line. */
final class PlainText {

	private PlainText() {
	}

	static String of(Node node) {
		StringBuilder text = new StringBuilder();
		append(node, text);
		return text.toString();
	}

	private static void append(Node node, StringBuilder text) {
		if (node instanceof YamlFrontMatterBlock || node instanceof AttributesNode || node instanceof Reference
				|| node instanceof HtmlInline || node instanceof HtmlBlock) {
			return;
		}
		if (node instanceof Text) {
			text.append(node.getChars());
			return;
		}
		if (node instanceof Code code) {
			text.append(code.getText());
			return;
		}
		if (node instanceof SoftLineBreak) {
			text.append(' ');
			return;
		}
		if (node instanceof HardLineBreak) {
			text.append('\n');
			return;
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			append(child, text);
		}
		if (node instanceof Paragraph || node instanceof Heading || node instanceof TableCell) {
			text.append('\n');
		}
	}

}
