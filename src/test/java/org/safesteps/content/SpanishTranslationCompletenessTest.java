package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Spanish is complete and current where it is promised (issue #26): for a promised module, every
 * file a translation follows (module.yml, teacher.md, and each band's lesson, quiz and confidence
 * check) has its Spanish file beside it, recording the hash of the English file as it is now; the
 * same for a promised parent guide; and the content check run on the shipped content reports none
 * of them out of date. Which files a complete translation has, and the hash, are worked out here
 * from the files themselves ({@code sha256sum | cut -c1-16}), not by the loader under test.
 */
class SpanishTranslationCompletenessTest {

	private static final Path CONTENT = Path.of("content");

	private static final String LANGUAGE = "es";

	// The English files a translation follows inside a module folder.
	private static final Pattern MODULE_FILE = Pattern
		.compile("module\\.yml|teacher\\.md|ages-[0-9]+-[0-9]+(\\.md|\\.quiz\\.yml|\\.check\\.yml)");

	// A translated file: "<base>.<language>.md" or ".yml".
	private static final Pattern TRANSLATION = Pattern.compile(".+\\.[a-z]{2,3}\\.(md|yml)");

	private static final Pattern TRANSLATED_FROM = Pattern.compile("(?m)^translated-from:\\s*([0-9a-fA-F]+)");

	/**
	 * The modules and parent guides (by id) whose Spanish must be complete and current: every one.
	 * Spanish is the platform's second language, and a Spanish class reads every module.
	 */
	private static final Predicate<String> PROMISED = (id) -> true;

	@Test
	void everyPromisedModuleHasEveryFileInSpanishFollowingTheEnglishAsItIsNow() {
		List<String> missing = new ArrayList<>();
		List<String> outOfDate = new ArrayList<>();
		for (Path folder : promisedModules()) {
			for (Path english : list(folder).filter((file) -> MODULE_FILE.matcher(name(file)).matches()).toList()) {
				check(english, missing, outOfDate);
			}
		}
		assertThat(missing).as("Spanish files missing").isEmpty();
		assertThat(outOfDate).as("Spanish files whose translated-from is not the English file's hash now").isEmpty();
	}

	@Test
	void everyPromisedParentGuideIsInSpanishFollowingTheEnglishAsItIsNow() {
		List<String> missing = new ArrayList<>();
		List<String> outOfDate = new ArrayList<>();
		for (Path english : promisedGuides()) {
			check(english, missing, outOfDate);
		}
		assertThat(missing).as("Spanish guides missing").isEmpty();
		assertThat(outOfDate).as("Spanish guides whose translated-from is not the English file's hash now").isEmpty();
	}

	@Test
	void theContentCheckReportsNoPromisedSpanishFileOutOfDate() {
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		ContentCheck.run(ContentSource.directory(CONTENT), new PrintStream(report, true, StandardCharsets.UTF_8),
				LocalDate.now());
		List<String> promisedOutOfDate = report.toString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> line.contains("out of date"))
			.filter((line) -> isPromised(line.substring(0, line.indexOf(':'))))
			.toList();
		assertThat(promisedOutOfDate).isEmpty();
	}

	// A promise that names no module or guide would make the tests above pass on nothing.
	@Test
	void thePromiseCoversModulesAndGuidesThatExistAndEveryFileKindOfAModule() {
		List<Path> modules = promisedModules();
		assertThat(modules).as("promised modules").isNotEmpty();
		assertThat(promisedGuides()).as("promised guides").isNotEmpty();
		assertThat(modules.stream().flatMap(SpanishTranslationCompletenessTest::list).map(Path::getFileName)
			.map(Path::toString)).as("what a complete Spanish module has")
			.contains("module.es.yml", "teacher.es.md", "ages-11-13.es.md", "ages-11-13.quiz.es.yml",
					"ages-11-13.check.es.yml");
	}

	// modules/<id>/... or guidance/<id>.<language>.md, as the check report names them.
	private static boolean isPromised(String path) {
		String[] parts = path.split("/");
		if (parts.length == 3 && parts[0].equals("modules")) {
			return PROMISED.test(parts[1]);
		}
		return parts.length == 2 && parts[0].equals("guidance") && PROMISED.test(parts[1].substring(0, parts[1].indexOf('.')));
	}

	private static void check(Path english, List<String> missing, List<String> outOfDate) {
		String fileName = name(english);
		int dot = fileName.lastIndexOf('.');
		Path translation = english.resolveSibling(fileName.substring(0, dot) + "." + LANGUAGE + fileName.substring(dot));
		if (!Files.exists(translation)) {
			missing.add(CONTENT.relativize(translation).toString());
			return;
		}
		Matcher recorded = TRANSLATED_FROM.matcher(read(translation));
		String now = hash(english);
		if (!recorded.find() || !recorded.group(1).equalsIgnoreCase(now)) {
			outOfDate.add(CONTENT.relativize(translation) + " (English is now " + now + ")");
		}
	}

	private static List<Path> promisedModules() {
		return list(CONTENT.resolve("modules")).filter(Files::isDirectory)
			.filter((folder) -> PROMISED.test(name(folder)))
			.toList();
	}

	private static List<Path> promisedGuides() {
		return list(CONTENT.resolve("guidance"))
			.filter((file) -> name(file).endsWith(".md") && !TRANSLATION.matcher(name(file)).matches())
			.filter((file) -> PROMISED.test(name(file).substring(0, name(file).length() - ".md".length())))
			.toList();
	}

	private static Stream<Path> list(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path path) {
		return path.getFileName().toString();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// sha256sum <file> | cut -c1-16
	private static String hash(Path file) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
