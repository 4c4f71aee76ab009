package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks across files, once every module and page is read. */
class CrossReferencesTest {

	@Test
	void theIdAfterAPrefixStopsAtASlashQueryOrFragment() {
		assertThat(CrossReferences.idAfter("/learn/sextortion/quiz?x#y", "/learn/")).isEqualTo("sextortion");
		assertThat(CrossReferences.idAfter("/parents/shared-nude#help", "/parents/")).isEqualTo("shared-nude");
		assertThat(CrossReferences.idAfter("/learn/", "/learn/")).isNull();
		assertThat(CrossReferences.idAfter("/help", "/learn/")).isNull();
	}

	@Test
	void brokenSiteLinksAndPicturesFromOtherSitesAreErrorsWhereTheyAre() {
		TestContent content = TestContent.valid()
			.replace("guidance/sextortion.md", "[the lesson](/learn/sextortion)",
					"[the lesson](/learn/no-module) and [a guide](/parents/no-guide) ![cat](https://example.org/cat.png)");

		assertThat(content.problems()).containsExactly(
				"guidance/sextortion.md:10: broken link /learn/no-module: there is no module 'no-module'",
				"guidance/sextortion.md:10: broken link /parents/no-guide: there is no guidance page 'no-guide'",
				"guidance/sextortion.md:10: picture from another site (https://example.org/cat.png): store pictures with"
						+ " the content, pages make no third-party requests");
	}

	@Test
	void aModulesGuideAndAGuidesModulesMustExist() {
		TestContent content = TestContent.valid()
			.replace("modules/online-friends/module.yml", "sensitive: false", "sensitive: false\nguide: no-guide")
			.replace("guidance/sextortion.md", "modules: [sextortion]", "modules: [sextortion, no-module]");

		assertThat(content.problems()).containsExactly(
				"guidance/sextortion.md:5: unknown module 'no-module' in modules",
				"modules/online-friends/module.yml:12: guide 'no-guide' not found: there is no guidance/no-guide.md");
	}

}
