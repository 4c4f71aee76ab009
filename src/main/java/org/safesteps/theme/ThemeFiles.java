package org.safesteps.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.ClassPathResource;

/**
 * Reads files under {@code themes/}: from the folder when it exists beside the working directory,
 * otherwise from the copy Maven put in the jar.
 */
final class ThemeFiles {

	private final Path dir;

	private final boolean fromFolder;

	ThemeFiles(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
		this.fromFolder = Files.isDirectory(this.dir.resolve(Theme.BASE));
	}

	boolean fromFolder() {
		return this.fromFolder;
	}

	Path dir() {
		return this.dir;
	}

	boolean exists(String relativePath) {
		if (this.fromFolder) {
			return Files.isRegularFile(this.dir.resolve(relativePath));
		}
		return new ClassPathResource("themes/" + relativePath).exists();
	}

	String read(String relativePath) {
		try (InputStream in = this.fromFolder ? Files.newInputStream(this.dir.resolve(relativePath))
				: new ClassPathResource("themes/" + relativePath).getInputStream()) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Spring resource location of a theme's static folder, for the resource handler. */
	String staticLocation(String themeId) {
		return this.fromFolder ? this.dir.resolve(themeId).resolve("static").toUri().toString()
				: "classpath:/themes/" + themeId + "/static/";
	}

}
