package org.safesteps;

import java.util.List;

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

	@Test
	void writesTheModuleDiagram() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}

}
