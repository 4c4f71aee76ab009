package org.safesteps.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import com.mongodb.client.MongoDatabase;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import org.safesteps.storage.ConsistentReads;

/**
 * The backup file: a {@code .tar.gz} holding {@code manifest.json} first, then every collection as
 * {@code collections/NAME.json}, one document per line in MongoDB's canonical Extended JSON (the
 * form {@code mongoexport --jsonFormat=canonical} writes: every BSON type kept, so a restore gives
 * back identical documents). The manifest holds each entry's SHA-256 and document count.
 */
final class BackupFile {

	private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

	private static final String COLLECTIONS = "collections/";

	private BackupFile() {
	}

	/**
	 * Writes a backup of {@code database} to {@code target}: the collections are read at one moment
	 * ({@link ConsistentReads}, while writes go on) into files beside the target, then packed.
	 * Returns its manifest.
	 */
	static Manifest write(MongoDatabase database, ConsistentReads reads, Clock clock, Path target) throws IOException {
		Path work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".backup-");
		try {
			// a whole collection in one read: longer than a page's operation timeout
			MongoDatabase patient = database.withTimeout(10, java.util.concurrent.TimeUnit.MINUTES);
			List<Manifest.Entry> entries = reads.atOneMoment(patient, (snapshot) -> dump(snapshot, work));
			Manifest manifest = new Manifest(Manifest.SCHEMA, AppVersion.current(), clock.instant(), entries);
			Path partial = work.resolve("backup.tar.gz");
			try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
					new GZIPOutputStream(Files.newOutputStream(partial), 64 * 1024))) {
				tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
				byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
				TarArchiveEntry head = new TarArchiveEntry(Manifest.FILE);
				head.setSize(json.length);
				head.setModTime(manifest.createdAt().toEpochMilli());
				tar.putArchiveEntry(head);
				tar.write(json);
				tar.closeArchiveEntry();
				for (Manifest.Entry entry : entries) {
					Path file = work.resolve(entry.name() + ".json");
					TarArchiveEntry tarEntry = new TarArchiveEntry(entry.file());
					tarEntry.setSize(Files.size(file));
					tarEntry.setModTime(manifest.createdAt().toEpochMilli());
					tar.putArchiveEntry(tarEntry);
					Files.copy(file, tar);
					tar.closeArchiveEntry();
				}
			}
			// only a complete file gets the backup's name: a crash mid-write leaves no half backup
			Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return manifest;
		}
		finally {
			deleteTree(work);
		}
	}

	private static List<Manifest.Entry> dump(ConsistentReads.Snapshot snapshot, Path work) {
		List<Manifest.Entry> entries = new ArrayList<>();
		for (String name : snapshot.collectionNames()) {
			MessageDigest sha = sha256();
			long[] count = { 0 };
			try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
					new DigestOutputStream(Files.newOutputStream(work.resolve(name + ".json")), sha), StandardCharsets.UTF_8))) {
				snapshot.forEach(name, (document) -> {
					try {
						out.write(document.toJson(CANONICAL));
						out.write('\n');
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					count[0]++;
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			entries.add(new Manifest.Entry(name, COLLECTIONS + name + ".json", count[0], HexFormat.of().formatHex(sha.digest())));
		}
		return entries;
	}

	/**
	 * Reads the whole file and checks it against its manifest (format, version, every entry's
	 * checksum and count), writing nothing; returns the manifest, or throws
	 * {@link BackupRefusedException} with the reason.
	 */
	static Manifest verify(Path file) {
		return read(file, (entry, documents) -> {
			for (BsonDocument ignored : documents) {
				// reading is the check: the stream verifies the checksum when it ends
			}
		});
	}

	/** Reads a verified file, handing each collection's documents to {@code restore} in order. */
	static Manifest read(Path file, BiConsumer<Manifest.Entry, Iterable<BsonDocument>> restore) {
		try (InputStream raw = Files.newInputStream(file);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 64 * 1024))) {
			TarArchiveEntry first = tar.getNextEntry();
			if (first == null || !Manifest.FILE.equals(first.getName()) || first.getSize() > 1_000_000) {
				throw new BackupRefusedException("it is not a SafeSteps backup");
			}
			Manifest manifest = Manifest.parse(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
			if (manifest.schema() > Manifest.SCHEMA || AppVersion.isNewer(manifest.appVersion(), AppVersion.current())) {
				throw new BackupRefusedException("it was made by a newer SafeSteps (" + manifest.appVersion()
						+ ") than this one (" + AppVersion.current() + "); upgrade SafeSteps first");
			}
			Map<String, Manifest.Entry> expected = new LinkedHashMap<>();
			manifest.collections().forEach((entry) -> expected.put(entry.file(), entry));
			TarArchiveEntry next;
			while ((next = tar.getNextEntry()) != null) {
				Manifest.Entry entry = expected.remove(next.getName());
				if (entry == null) {
					throw new BackupRefusedException("it holds a file its manifest does not list (" + next.getName() + ")");
				}
				MessageDigest sha = sha256();
				Documents documents = new Documents(new DigestInputStream(nonClosing(tar), sha));
				restore.accept(entry, documents);
				documents.drain();
				if (documents.count != entry.count()
						|| !HexFormat.of().formatHex(sha.digest()).equals(entry.sha256())) {
					throw new BackupRefusedException("it is damaged: " + entry.name() + " does not match its checksum");
				}
			}
			if (!expected.isEmpty()) {
				throw new BackupRefusedException("it is incomplete: " + expected.values().iterator().next().name() + " is missing");
			}
			return manifest;
		}
		catch (ZipException ex) {
			throw new BackupRefusedException("it is not a SafeSteps backup (not a gzip file), or it is damaged");
		}
		catch (EOFException ex) {
			throw new BackupRefusedException("it is incomplete (the file ends too early)");
		}
		catch (IOException | IllegalArgumentException | org.bson.json.JsonParseException ex) {
			throw new BackupRefusedException("it is damaged or not a SafeSteps backup");
		}
		catch (UncheckedIOException ex) {
			throw new BackupRefusedException("it is damaged or incomplete");
		}
	}

	/** One collection's lines as documents, counted; the whole entry is read by {@link #drain()}. */
	private static final class Documents implements Iterable<BsonDocument> {

		private final BufferedReader lines;

		private long count;

		Documents(InputStream in) {
			this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		}

		@Override
		public java.util.Iterator<BsonDocument> iterator() {
			return new java.util.Iterator<>() {

				private String line = advance();

				@Override
				public boolean hasNext() {
					return this.line != null;
				}

				@Override
				public BsonDocument next() {
					if (this.line == null) {
						throw new java.util.NoSuchElementException();
					}
					BsonDocument document = BsonDocument.parse(this.line);
					Documents.this.count++;
					this.line = advance();
					return document;
				}

				private String advance() {
					try {
						return Documents.this.lines.readLine();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}

			};
		}

		void drain() {
			this.iterator().forEachRemaining((document) -> {
			});
		}

	}

	private static InputStream nonClosing(InputStream in) {
		return new java.io.FilterInputStream(in) {
			@Override
			public void close() {
				// the tar stream goes on to the next entry
			}
		};
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
