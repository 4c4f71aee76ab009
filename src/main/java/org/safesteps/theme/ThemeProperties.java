package org.safesteps.theme;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir the themes folder; used when it exists (live editing), otherwise the copy in the jar
 * @param reloadAfter how long a template read from the folder is trusted before it is read again
 */
@ConfigurationProperties("safesteps.themes")
public record ThemeProperties(@DefaultValue("themes") Path dir, @DefaultValue("2s") Duration reloadAfter) {
}
