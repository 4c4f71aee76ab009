package org.safesteps.content;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads, checks and renders the whole curriculum once at start-up. Invalid content stops the
 * start with every problem listed as {@code file:line: message}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);

	@Bean
	Curriculum curriculum(ContentProperties properties) {
		ContentSource source = contentSource(properties);
		long started = System.nanoTime();
		LoadResult result = new CurriculumLoader().load(source, LocalDate.now(Clock.systemUTC()));
		if (result.hasErrors()) {
			throw new InvalidContentException(result.errors());
		}
		result.warnings().forEach((warning) -> log.warn("Content: {}", warning));
		if (!result.missingTranslations().isEmpty()) {
			log.info("Content: {} translations missing, readers see English there (--check-content lists them)",
					result.missingTranslations().size());
		}
		Curriculum curriculum = result.curriculum();
		log.info("Curriculum {} loaded from {}: {} modules, {} guides in {} ms", curriculum.version(), source.describe(),
				curriculum.modules().size(), curriculum.guides().size(), (System.nanoTime() - started) / 1_000_000);
		return curriculum;
	}

	static ContentSource contentSource(ContentProperties properties) {
		return Files.isDirectory(properties.dir().resolve("modules")) ? ContentSource.directory(properties.dir())
				: ContentSource.classpath("content");
	}

}
