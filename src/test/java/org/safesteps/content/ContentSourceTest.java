package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSourceTest {

	private static final Path FIXTURE = Path.of("src/test/resources/content-fixtures/valid");

	@Test
	void directoryListsRelativeSlashSeparatedPathsInOrder() {
		ContentSource source = ContentSource.directory(FIXTURE);

		assertThat(source.paths()).contains("lint.yml", "help/services.yml", "modules/sextortion/ages-11-13.md")
			.isSorted();
		assertThat(source.read("modules/sextortion/module.yml")).startsWith("id: sextortion");
		assertThat(source.describe()).endsWith("valid");
	}

	@Test
	void directorySkipsHiddenFiles(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("modules/a"));
		Files.writeString(root.resolve("modules/a/module.yml"), "id: a");
		Files.writeString(root.resolve("modules/a/.module.yml.swp"), "x");
		Files.createDirectories(root.resolve(".git"));
		Files.writeString(root.resolve(".git/HEAD"), "x");

		assertThat(ContentSource.directory(root).paths()).containsExactly("modules/a/module.yml");
	}

	@Test
	void classpathFindsTheSameFilesAsTheFolder() {
		ContentSource folder = ContentSource.directory(FIXTURE);
		ContentSource classpath = ContentSource.classpath("content-fixtures/valid");

		assertThat(classpath.paths()).isEqualTo(folder.paths());
		for (String path : folder.paths()) {
			assertThat(classpath.read(path)).as(path).isEqualTo(folder.read(path));
		}
	}

	@Test
	void classpathReadsContentPackedInAJar(@TempDir Path dir) throws IOException {
		Path jar = dir.resolve("app.jar");
		writeJar(jar, Map.of("content/lint.yml", "avoid: []\n", "content/modules/a/module.yml", "id: a\n"));

		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			ContentSource source = ContentSource.classpath("/content/", loader);
			assertThat(source.paths()).containsExactly("lint.yml", "modules/a/module.yml");
			assertThat(source.read("modules/a/module.yml")).isEqualTo("id: a\n");
		}
	}

	@Test
	void memorySourceListsItsFilesSorted() {
		ContentSource source = ContentSource.of(Map.of("b.md", "B", "a.md", "A"), "memory");

		assertThat(source.paths()).isEqualTo(List.of("a.md", "b.md"));
		assertThat(source.read("b.md")).isEqualTo("B");
	}

	private static void writeJar(Path jar, Map<String, String> files) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			// As Maven and Spring Boot write them: classpath*: patterns need the directory entries.
			for (String directory : new String[] { "content/", "content/modules/", "content/modules/a/" }) {
				jarOut.putNextEntry(new JarEntry(directory));
				jarOut.closeEntry();
			}
			for (Map.Entry<String, String> file : files.entrySet()) {
				jarOut.putNextEntry(new JarEntry(file.getKey()));
				jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
		}
	}

}
