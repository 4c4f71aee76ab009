package org.safesteps.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a school shows inspectors and governors: the curriculum frameworks, which framework
 * statements each module's lesson for a band covers ({@code coverage}: module id to band to statement
 * ids), and each module's confidence checks ({@code checks}: module id to band to check;
 * {@code translatedChecks}: language to module id to band to the same check in that language).
 */
public record Evidence(List<Framework> frameworks, Map<String, Map<Band, List<String>>> coverage,
		Map<String, Map<Band, ConfidenceCheck>> checks,
		Map<String, Map<String, Map<Band, ConfidenceCheck>>> translatedChecks) {

	public Evidence {
		frameworks = frameworks.stream().sorted(Comparator.comparing(Framework::id)).toList();
		coverage = coverage.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
				entry -> entry.getValue().entrySet().stream()
					.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, band -> List.copyOf(band.getValue())))));
		checks = checks.entrySet().stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
		translatedChecks = translatedChecks.entrySet().stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, language -> language.getValue().entrySet().stream()
				.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, module -> Map.copyOf(module.getValue())))));
	}

	public Optional<Framework> framework(String id) {
		return frameworks.stream().filter(framework -> framework.id().equals(id)).findFirst();
	}

	public Optional<FrameworkStatement> statement(String id) {
		return allStatements().stream().filter(statement -> statement.id().equals(id)).findFirst();
	}

	/** Every statement of every framework, frameworks in id order, statements in file order. */
	public List<FrameworkStatement> allStatements() {
		return frameworks.stream().flatMap(framework -> framework.statements().stream()).toList();
	}

	/** The statements a module's lesson for a band covers, in framework order. */
	public List<FrameworkStatement> covered(String moduleId, Band band) {
		Set<String> ids = Set.copyOf(coverage.getOrDefault(moduleId, Map.of()).getOrDefault(band, List.of()));
		return allStatements().stream().filter(statement -> ids.contains(statement.id())).toList();
	}

	/** The ids of the statements any of these modules' lessons for a band cover. */
	public Set<String> coveredIds(List<String> moduleIds, Band band) {
		return moduleIds.stream().flatMap(id -> coverage.getOrDefault(id, Map.of()).getOrDefault(band, List.of()).stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** The statements of a framework for a band's age range. */
	public List<FrameworkStatement> statementsFor(Framework framework, Band band) {
		return framework.statements().stream().filter(statement -> statement.isFor(band)).toList();
	}

	/** The gap list: statements for a band's age range that no module's lesson for that band covers. */
	public List<FrameworkStatement> gaps(Band band) {
		Set<String> covered = coveredIds(new ArrayList<>(coverage.keySet()), band);
		return allStatements().stream().filter(statement -> statement.isFor(band))
			.filter(statement -> !covered.contains(statement.id())).toList();
	}

	public Optional<ConfidenceCheck> check(String moduleId, Band band) {
		return Optional.ofNullable(checks.getOrDefault(moduleId, Map.of()).get(band));
	}

	/** The check in {@code language} if translated (same statement ids, same order), else the English one. */
	public Optional<Localized<ConfidenceCheck>> check(String moduleId, Band band, String language) {
		ConfidenceCheck translation = translatedChecks.getOrDefault(language, Map.of())
			.getOrDefault(moduleId, Map.of()).get(band);
		return check(moduleId, band).map(english -> Localized.of(translation, english, language));
	}

}
