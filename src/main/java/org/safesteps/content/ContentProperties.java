package org.safesteps.content;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir the content folder; used when it exists beside the working directory (authors see
 * their edits after a restart), otherwise the copy in the jar
 */
@ConfigurationProperties("safesteps.content")
public record ContentProperties(@DefaultValue("content") Path dir) {
}
