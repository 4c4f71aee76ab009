package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCheckTest {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

	private String output() {
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void validContentExitsWithZeroAndReportsReadability() {
		int status = ContentCheck.run(TestContent.valid().source(), out, TestContent.TODAY);

		assertThat(status).isZero();
		assertThat(output()).isEqualTo("""

				Readability (Flesch-Kincaid grade):
				  ages-8-10   online-friends                  0.8  ceiling 5.0  OK
				  ages-11-13  sextortion                      0.2  ceiling 7.0  OK

				Translations missing (warning: readers see English instead), 9 files:
				  guidance/sextortion.es.md
				  modules/online-friends/ages-8-10.es.md
				  modules/online-friends/ages-8-10.quiz.es.yml
				  modules/online-friends/module.es.yml
				  modules/online-friends/teacher.es.md
				  modules/sextortion/ages-11-13.es.md
				  modules/sextortion/ages-11-13.quiz.es.yml
				  modules/sextortion/module.es.yml
				  modules/sextortion/teacher.es.md

				0 errors, 0 warnings
				""");
	}

	@Test
	void errorsArePrintedAsPathLineMessageAndExitWithOne() {
		int status = ContentCheck.run(TestContent.valid()
			.replace("modules/online-friends/ages-8-10.md", ":::tip", ":::warning")
			.source(), out, TestContent.TODAY);

		assertThat(status).isEqualTo(1);
		assertThat(output()).startsWith(
				"modules/online-friends/ages-8-10.md:18: unknown callout ':::warning' (use tip, talk, scenario or help)\n")
			.endsWith("\n1 errors, 0 warnings\n");
	}

	@Test
	void warningsAloneExitWithZero() {
		int status = ContentCheck.run(TestContent.valid()
			.replace("modules/online-friends/ages-8-10.md", "Sam plays a game after school.",
					"Organisations investigating international exploitation communicate information confidentially,"
							+ " systematically documenting unacceptable behaviour.")
			.source(), out, TestContent.TODAY);

		assertThat(status).isZero();
		assertThat(output()).startsWith("modules/online-friends/ages-8-10.md:1: warning: reading grade ")
			.contains("  ages-8-10   online-friends  ")
			.contains("ceiling 5.0  ABOVE")
			.endsWith("\n0 errors, 1 warnings\n");
	}

	@Test
	void checksAContentFolder(@TempDir Path root) throws IOException {
		TestContent content = TestContent.valid();
		for (String path : content.source().paths()) {
			Path file = root.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content.text(path));
		}

		assertThat(ContentCheck.run(ContentSource.directory(root), out, TestContent.TODAY)).isZero();
	}

	@Test
	void missingFolderIsAnError(@TempDir Path root) {
		int status = ContentCheck.run(ContentSource.directory(root.resolve("nowhere")), out, TestContent.TODAY);

		assertThat(status).isEqualTo(1);
		assertThat(output()).contains("content folder not found").endsWith("1 errors, 0 warnings\n");
	}

}
