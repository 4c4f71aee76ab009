package org.safesteps.backup;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Automatic backups.
 *
 * @param enabled whether the daily backup runs (the download on the page works either way)
 * @param dir where they are kept; unset: {@code backups} in the data folder ({@code SAFESTEPS_DATA_DIR})
 * @param keep how many automatic backups are kept; older ones are deleted after each new one
 * @param every how often one is taken, by one instance (a lease)
 * @param checkEvery how often each instance asks whether one is due
 */
@Validated
@ConfigurationProperties("safesteps.backups")
public record BackupProperties(
		@DefaultValue("true") boolean enabled,
		Path dir,
		@DefaultValue("7") @Min(1) int keep,
		@DefaultValue("1d") Duration every,
		@DefaultValue("1h") Duration checkEvery) {
}
