package org.safesteps.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.safesteps.storage.ConsistentReads;
import org.safesteps.storage.Leases;
import org.safesteps.storage.StorageProperties;

/**
 * Takes backups: on demand for a download, and daily into the backups folder (one instance, by
 * lease), keeping the newest {@code keep}. A backup holds children's pseudonymous data, so nothing
 * of its content is ever logged; downloads are logged with who and when.
 */
@Service
@EnableConfigurationProperties(BackupProperties.class)
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	static final String LEASE = "backup";

	/** A lease outlives any backup run; if its instance dies, another takes over after this. */
	private static final Duration LEASE_HOLD = Duration.ofHours(1);

	private static final Pattern NAME = Pattern.compile("safesteps-backup-\\d{8}-\\d{6}Z\\.tar\\.gz");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

	private final MongoTemplate mongo;

	private final ConsistentReads reads;

	private final Leases leases;

	private final Clock clock;

	private final BackupProperties properties;

	private final Path dir;

	public Backups(MongoTemplate mongo, ConsistentReads reads, Leases leases, Clock clock, BackupProperties properties,
			StorageProperties storage) {
		this.mongo = mongo;
		this.reads = reads;
		this.leases = leases;
		this.clock = clock;
		this.properties = properties;
		this.dir = ((properties.dir() != null) ? properties.dir() : storage.dataDir().resolve("backups")).toAbsolutePath()
			.normalize();
	}

	/** The folder of automatic backups. */
	public Path folder() {
		return this.dir;
	}

	/**
	 * Takes a backup now into a temporary file in the backups folder, for a download; the caller
	 * deletes it once sent.
	 */
	TakenBackup takeForDownload() {
		Path file = folderCreated().resolve(".download-" + STAMP.format(this.clock.instant()) + "-"
				+ java.util.UUID.randomUUID() + ".tar.gz");
		Manifest manifest = write(file);
		return new TakenBackup(file, name(manifest.createdAt()), manifest);
	}

	/** Takes the daily backup if it is due and no other instance is taking it; returns its file if taken. */
	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "${safesteps.backups.check-every:1h}")
	public Optional<Path> takeDailyIfDue() {
		if (!this.properties.enabled()) {
			return Optional.empty();
		}
		return this.leases.runOncePer(LEASE, this.properties.every(), LEASE_HOLD, () -> {
			Path file = folderCreated().resolve(name(this.clock.instant()));
			Manifest manifest = write(file);
			log.info("Automatic backup written: {} ({} collections, {} documents)", file.getFileName(),
					manifest.collections().size(), manifest.documents());
			prune();
			return file;
		});
	}

	/** The automatic backups, newest first. */
	List<StoredBackup> list() {
		if (!Files.isDirectory(this.dir)) {
			return List.of();
		}
		List<StoredBackup> backups = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.dir)) {
			for (Path file : files.filter((f) -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
				backups.add(new StoredBackup(file.getFileName().toString(), Files.size(file),
						Files.getLastModifiedTime(file).toInstant()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		backups.sort(Comparator.comparing(StoredBackup::name).reversed());
		return backups;
	}

	/** A stored backup by its exact name (never a path: nothing outside the folder can be named). */
	Optional<Path> stored(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = this.dir.resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	/** Records a download: who and which file, never what it holds. */
	void logDownload(String who, String file) {
		log.info("Backup downloaded: {} by account {} at {}", file, who, this.clock.instant());
	}

	private void prune() {
		List<StoredBackup> all = list();
		for (StoredBackup old : all.subList(Math.min(this.properties.keep(), all.size()), all.size())) {
			try {
				Files.deleteIfExists(this.dir.resolve(old.name()));
			}
			catch (IOException ex) {
				log.warn("Could not delete the old backup {}", old.name(), ex);
			}
		}
	}

	private Manifest write(Path file) {
		try {
			return BackupFile.write(this.mongo.getDb(), this.reads, this.clock, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path folderCreated() {
		try {
			return Files.createDirectories(this.dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String name(Instant at) {
		return "safesteps-backup-" + STAMP.format(at) + ".tar.gz";
	}

	/** A backup file in the folder: its name, size in bytes and when it was written. */
	record StoredBackup(String name, long size, Instant writtenAt) {

		/** When it was written, in UTC, for the page. */
		public String writtenUtc() {
			return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(this.writtenAt);
		}

	}

	/** A backup just taken for a download: the temporary file, the name to give it, and what it holds. */
	record TakenBackup(Path file, String name, Manifest manifest) {
	}

}
