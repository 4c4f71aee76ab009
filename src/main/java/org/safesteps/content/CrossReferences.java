package org.safesteps.content;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that need every module and page read first: module.yml's guide, a guide's modules, and
 * every link and picture of every page (no broken site link, no picture from another site).
 */
final class CrossReferences {

	private CrossReferences() {
	}

	static void check(Map<String, ModuleReader.ModuleDraft> modules, Map<String, PageReader.GuideDraft> guides,
			List<MarkdownFile.LinkUse> links, Problems problems) {
		for (ModuleReader.ModuleDraft module : modules.values()) {
			String guide = module.module().guideId();
			if (guide != null && !guides.containsKey(guide)) {
				problems.error(module.path(), module.guideLine(), "guide '" + guide + "' not found: there is no guidance/"
						+ guide + ".md");
			}
		}
		for (PageReader.GuideDraft guide : guides.values()) {
			List<String> named = guide.page().modules();
			for (int i = 0; i < named.size(); i++) {
				if (!modules.containsKey(named.get(i))) {
					problems.error(guide.path(), guide.moduleLine().applyAsInt(i), "unknown module '" + named.get(i) + "' in modules");
				}
			}
		}
		for (MarkdownFile.LinkUse link : links) {
			checkLink(link, modules.keySet(), guides.keySet(), problems);
		}
	}

	private static void checkLink(MarkdownFile.LinkUse link, Set<String> modules, Set<String> guides,
			Problems problems) {
		String url = link.url();
		if (link.image() && Markdown.isExternal(url)) {
			problems.error(link.path(), link.line(),
					"picture from another site (" + url + "): store pictures with the content, pages make no third-party requests");
		}
		String moduleId = idAfter(url, "/learn/");
		if (moduleId != null && !modules.contains(moduleId)) {
			problems.error(link.path(), link.line(), "broken link " + url + ": there is no module '" + moduleId + "'");
		}
		String guideId = idAfter(url, "/parents/");
		if (guideId != null && !guides.contains(guideId)) {
			problems.error(link.path(), link.line(), "broken link " + url + ": there is no guidance page '" + guideId + "'");
		}
	}

	// "/learn/sextortion/quiz?x#y" after "/learn/" is "sextortion".
	static String idAfter(String url, String prefix) {
		Matcher id = Pattern.compile(Pattern.quote(prefix) + "([^/?#]+)").matcher(url);
		return id.lookingAt() ? id.group(1) : null;
	}

}
