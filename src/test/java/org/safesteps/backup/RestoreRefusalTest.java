package org.safesteps.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safesteps.storage.EmbeddedMongo;
import org.safesteps.storage.StorageProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --restore} refuses what it must not restore, with a plain message, and leaves the data
 * folder exactly as it was: a damaged or cut-short backup, one from a newer version, a file that is
 * no backup at all, and a database that already has data (without {@code --force}).
 */
class RestoreRefusalTest {

	@TempDir
	Path dir;

	private Path backup;

	private Path dataFolder;

	@BeforeEach
	void aBackupAndADataFolderWithData() throws IOException {
		this.backup = this.dir.resolve("safesteps-backup.tar.gz");
		EmbeddedMongo source = new EmbeddedMongo(
				new StorageProperties(this.dir.resolve("source"), StorageProperties.Backend.MEMORY, 0, Duration.ofSeconds(30), 16));
		source.start();
		try (MongoClient client = MongoClients.create(source.connectionString("safesteps"))) {
			for (int i = 0; i < 50; i++) {
				client.getDatabase("safesteps").getCollection("classes").insertOne(new Document("_id", "class-" + i).append("name", "Year " + i));
			}
			client.getDatabase("safesteps").getCollection("learners").insertOne(new Document("_id", "l1").append("pseudonym", "Brave Otter"));
			BackupFile.write(client.getDatabase("safesteps"), new ConsistentReadsForTests(), Clock.systemUTC(), this.backup);
		}
		finally {
			source.close();
		}
		this.dataFolder = this.dir.resolve("data");
		EmbeddedMongo live = new EmbeddedMongo(
				new StorageProperties(this.dataFolder, StorageProperties.Backend.FILE, 0, Duration.ofSeconds(30), 16));
		live.start();
		try (MongoClient client = MongoClients.create(live.connectionString("safesteps"))) {
			client.getDatabase("safesteps").getCollection("accounts").insertOne(new Document("_id", "a1").append("email", "head@school.example"));
		}
		finally {
			live.close();
		}
	}

	@Test
	void theGoodBackupItselfIsAcceptedWithForceAndTheReplacedDataIsKept() throws IOException {
		Restored run = restore(this.backup, true);
		assertThat(run.code()).isEqualTo(RestoreCommand.DONE);
		assertThat(run.output()).contains("Restored into");
		try (Stream<Path> files = Files.list(this.dataFolder)) {
			assertThat(files.map((f) -> f.getFileName().toString())).anyMatch((name) -> name.startsWith("safesteps.mv.before-restore-"))
				.noneMatch((name) -> name.startsWith(".restore-"));
		}
		assertThat(BackupRestoreTest.restoredContents(this.dataFolder)).containsOnlyKeys("classes", "learners");
	}

	@Test
	void aDatabaseWithDataIsNotReplacedWithoutForce() {
		// counting opens the database, so the file may be rewritten: its documents are what must not change
		Map<String, List<String>> before = BackupRestoreTest.restoredContents(this.dataFolder);
		Restored run = restore(this.backup, false);
		assertThat(run.code()).isEqualTo(RestoreCommand.REFUSED);
		assertThat(run.output()).contains("Refused").contains("already holds 1 documents. Add --force").contains("Nothing was changed");
		assertThat(BackupRestoreTest.restoredContents(this.dataFolder)).isEqualTo(before).containsOnlyKeys("accounts");
	}

	@Test
	void aCorruptedBackupIsRefused() throws Exception {
		byte[] bytes = Files.readAllBytes(this.backup);
		bytes[bytes.length / 2] ^= 0x55;
		bytes[bytes.length / 2 + 1] ^= 0x55;
		Path corrupt = Files.write(this.dir.resolve("corrupt.tar.gz"), bytes);
		// Where the flipped bytes land in the compressed stream depends on the backup's data: the
		// gzip check fails ("damaged"), or the damage reaches a name in the archive first (a file the
		// manifest does not list). Either is a clear refusal; nothing may change.
		assertRefusedUntouched(corrupt, "damaged", "its manifest does not list");
	}

	@Test
	void aTruncatedBackupIsRefused() throws Exception {
		byte[] bytes = Files.readAllBytes(this.backup);
		Path cut = Files.write(this.dir.resolve("cut.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
		assertRefusedUntouched(cut, "incomplete");
	}

	@Test
	void aBackupWhoseDataDoesNotMatchItsChecksumIsRefused() throws Exception {
		Manifest manifest = BackupFile.verify(this.backup);
		List<Manifest.Entry> entries = manifest.collections();
		Path forged = this.dir.resolve("forged.tar.gz");
		writeBackup(forged, manifest.toJson(), Map.of(entries.get(0).file(), "{\"_id\": \"someone else\"}\n",
				entries.get(1).file(), "{\"_id\": \"l1\"}\n"));
		assertRefusedUntouched(forged, "does not match its checksum");
	}

	@Test
	void aBackupFromANewerVersionIsRefused() throws Exception {
		String manifest = new Document("format", Manifest.FORMAT).append("schema", Manifest.SCHEMA + 1)
			.append("appVersion", "99.0.0")
			.append("createdAt", "2030-01-01T00:00:00Z")
			.append("collections", List.of())
			.toJson();
		Path newer = this.dir.resolve("newer.tar.gz");
		writeBackup(newer, manifest, Map.of());
		assertRefusedUntouched(newer, "made by a newer SafeSteps (99.0.0)");
	}

	@Test
	void aRandomFileIsRefused() throws Exception {
		byte[] noise = new byte[4096];
		new Random(21).nextBytes(noise);
		assertRefusedUntouched(Files.write(this.dir.resolve("noise.tar.gz"), noise), "not a SafeSteps backup");
	}

	@Test
	void aGzippedArchiveWithoutAManifestIsRefused() throws Exception {
		Path other = this.dir.resolve("photos.tar.gz");
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(other)))) {
			byte[] text = "holiday".getBytes(StandardCharsets.UTF_8);
			TarArchiveEntry entry = new TarArchiveEntry("notes.txt");
			entry.setSize(text.length);
			tar.putArchiveEntry(entry);
			tar.write(text);
			tar.closeArchiveEntry();
		}
		assertRefusedUntouched(other, "not a SafeSteps backup");
	}

	@Test
	void aMissingFileIsRefused() throws Exception {
		assertRefusedUntouched(this.dir.resolve("nowhere.tar.gz"), "there is no such file");
	}

	/** Refused with {@code reason} in a plain message, even with --force, and the folder byte for byte as before. */
	/** Refused with one of the {@code reasons}, and the data folder exactly as it was. */
	private void assertRefusedUntouched(Path file, String... reasons) throws Exception {
		Map<String, String> before = fingerprint(this.dataFolder);
		// with --force: the file itself must be refused, whatever the database holds
		Restored run = restore(file, true);
		assertThat(run.code()).isEqualTo(RestoreCommand.REFUSED);
		assertThat(run.output()).contains("Refused").containsAnyOf(reasons).contains("Nothing was changed")
			.doesNotContain("Exception");
		assertThat(fingerprint(this.dataFolder)).isEqualTo(before);
	}

	private Restored restore(Path file, boolean force) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> args = new ArrayList<>(List.of("--restore", file.toString(), "--safesteps.storage.data-dir=" + this.dataFolder));
		if (force) {
			args.add("--force");
		}
		int code = RestoreCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Restored(code, out.toString(StandardCharsets.UTF_8));
	}

	private static Map<String, String> fingerprint(Path folder) throws Exception {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path file : all.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(file).toString(),
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
			}
		}
		return files;
	}

	private static void writeBackup(Path target, String manifest, Map<String, String> entries) throws IOException {
		try (OutputStream file = Files.newOutputStream(target);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
			put(tar, Manifest.FILE, manifest);
			for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
				put(tar, entry.getKey(), entry.getValue());
			}
		}
	}

	private static void put(TarArchiveOutputStream tar, String name, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		TarArchiveEntry entry = new TarArchiveEntry(name);
		entry.setSize(bytes.length);
		tar.putArchiveEntry(entry);
		tar.write(bytes);
		tar.closeArchiveEntry();
	}

	private record Restored(int code, String output) {
	}

	/** Plain reads: nothing writes to the test's source database meanwhile. */
	private static final class ConsistentReadsForTests implements org.safesteps.storage.ConsistentReads {

		@Override
		public <T> T atOneMoment(com.mongodb.client.MongoDatabase database,
				java.util.function.Function<Snapshot, T> reader) {
			return reader.apply(org.safesteps.storage.DriverSnapshot.unguarded(database));
		}

	}

}
