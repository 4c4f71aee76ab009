package org.safesteps;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages stay apart: no cycles, no reaching into another feature's internals. The
 * module diagram is written to target/spring-modulith-docs.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SafeStepsApplication.class);

	@Test
	void featuresHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		this.modules.verify();
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
