package org.safesteps.content;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;

/** The one Flexmark parser and renderer, built once: both are stateless and thread-safe after building. */
final class Markdown {

	/** Written instead of each top-level {@code ##} heading of a lesson; escaped raw HTML cannot forge it. */
	static final String STEP_MARKER = "<!--safesteps:step-->";

	// Set on a lesson's document only: guidance pages and teacher notes keep their headings.
	private static final DataKey<Boolean> SPLIT_STEPS = new DataKey<>("SAFESTEPS_SPLIT_STEPS", false);

	private static final Pattern EXTERNAL = Pattern.compile("(?i)https?://.*");

	private static final MutableDataSet OPTIONS = new MutableDataSet()
		.set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create(), TablesExtension.create(),
				AttributesExtension.create(), CalloutExtension.create()))
		.set(HtmlRenderer.ESCAPE_HTML, true)
		.set(HtmlRenderer.GENERATE_HEADER_ID, true)
		.set(HtmlRenderer.RENDER_HEADER_ID, true);

	private static final Parser PARSER = Parser.builder(OPTIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS)
		.attributeProviderFactory(new ExternalLinks())
		.nodeRendererFactory(options -> () -> Set.of(new NodeRenderingHandler<>(Heading.class, Markdown::renderHeading)))
		.build();

	private Markdown() {
	}

	static Document parse(String text) {
		return PARSER.parse(text);
	}

	static String render(Node node) {
		return RENDERER.render(node);
	}

	/**
	 * Renders a lesson in one pass, split at its top-level {@code ##} headings (which are left out):
	 * element 0 is what comes before the first heading, then one element per step.
	 */
	static List<String> renderSteps(Document document) {
		document.set(SPLIT_STEPS, true);
		String html = RENDERER.render(document);
		return List.of(html.split(Pattern.quote(STEP_MARKER + "\n"), -1));
	}

	static boolean isExternal(String url) {
		return EXTERNAL.matcher(url).matches();
	}

	/** Site links are relative, so every absolute web address belongs to another site. */
	private static final class ExternalLinks extends IndependentAttributeProviderFactory {

		@Override
		public AttributeProvider apply(LinkResolverContext context) {
			return ExternalLinks::mark;
		}

		private static void mark(Node node, AttributablePart part, MutableAttributes attributes) {
			if (!(node instanceof Link || node instanceof LinkRef || node instanceof AutoLink)) {
				return;
			}
			String href = attributes.getValue("href");
			if (href != null && isExternal(href)) {
				attributes.addValue("class", "external");
				attributes.replaceValue("target", "_blank");
				attributes.replaceValue("rel", "noopener noreferrer");
			}
		}

	}

	// Each top-level ## heading of a lesson becomes STEP_MARKER; added after the extensions, so it renders headings first.
	private static void renderHeading(Heading heading, NodeRendererContext context, HtmlWriter html) {
		if (heading.getLevel() == 2 && heading.getParent() instanceof Document document && SPLIT_STEPS.get(document)) {
			html.line().raw(STEP_MARKER).line();
		}
		else {
			context.delegateRender();
		}
	}

}
