package org.safesteps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages stay apart: no cycles, no reaching into another feature's internals, and no
 * use of a feature that the using feature's package-info does not declare in
 * {@code @ApplicationModule(allowedDependencies = ...)} (docs/architecture.md draws the arrows). The
 * module diagram is written to target/spring-modulith-docs.
 */
class ModularityTests {

	/** A collection named in code: MongoDB's getCollection, a mapped document, a constant, a pipeline's lookup. */
	private static final Pattern COLLECTION_NAME = Pattern.compile(
			"(?:(?:getCollection|@Document|aggregate|lookup)\\(|COLLECTION = )\"([a-z_]+)\"");

	private final ApplicationModules modules = ApplicationModules.of(SafeStepsApplication.class);

	@Test
	void featuresHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		this.modules.verify();
	}

	@Test
	void aUseOfAModuleThatIsNotDeclaredIsReported() {
		// example.boundaries (test sources): alpha declares no dependencies but uses beta; gamma declares beta
		// (imported with every class file: by default Modulith leaves test classes out)
		List<String> violations = ApplicationModules.of("example.boundaries", (location) -> true)
			.detectViolations()
			.getMessages();
		assertThat(violations).anyMatch((message) -> message.contains("alpha") && message.contains("beta"));
		assertThat(violations).noneMatch((message) -> message.contains("gamma"));
	}

	@Test
	void everyFeatureDeclaresWhatItUses() {
		assertThat(this.modules.stream()).isNotEmpty().allSatisfy((module) -> {
			String[] declared = Class.forName(module.getBasePackage().getName() + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class)
				.allowedDependencies();
			assertThat(declared).as(module.getIdentifier().toString()).doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
		});
	}

	@Test
	void contentDependsOnNoOtherFeature() {
		assertThat(this.modules.getModuleByName("content").orElseThrow().getBootstrapDependencies(this.modules)).isEmpty();
	}

	/**
	 * docs/architecture.md's table of collections and owners holds in the code: a collection's name
	 * appears (as a collection) only in the module that owns it. {@code backup} copies every
	 * collection whole and {@code storage} declares the indexes: both are left out.
	 */
	@Test
	void eachCollectionIsNamedOnlyByTheModuleThatOwnsIt() throws IOException {
		Map<String, String> owners = new HashMap<>();
		Matcher row = Pattern.compile("(?m)^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\| ([a-z]+) \\|$")
			.matcher(Files.readString(Path.of("docs/architecture.md")));
		while (row.find()) {
			for (String collection : row.group(1).replace("`", "").split(", ")) {
				owners.put(collection, row.group(2));
			}
		}
		assertThat(owners).as("the table in docs/architecture.md").containsKeys("learners", "progress", "classes");
		List<String> strangers = new ArrayList<>();
		Path main = Path.of("src/main/java/org/safesteps");
		try (Stream<Path> files = Files.walk(main)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String module = main.relativize(file).getName(0).toString();
				if (module.equals("backup") || module.equals("storage") || file.getParent().equals(main)) {
					continue;
				}
				Matcher named = COLLECTION_NAME.matcher(Files.readString(file));
				while (named.find()) {
					String owner = owners.get(named.group(1));
					if (owner != null && !owner.equals(module)) {
						strangers.add(main.relativize(file) + " names " + named.group(1) + " (owned by " + owner + ")");
					}
				}
			}
		}
		assertThat(strangers).isEmpty();
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}

}
