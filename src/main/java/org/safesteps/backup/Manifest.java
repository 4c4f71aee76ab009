package org.safesteps.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * What a backup holds, written first in the file so that a restore can refuse a file before
 * reading the rest: which app version wrote it and when, and per collection its document count and
 * the SHA-256 of its entry.
 *
 * @param schema the layout of the data; a restore refuses a higher one than it knows
 */
record Manifest(int schema, String appVersion, Instant createdAt, List<Entry> collections) {

	/** Marks the file as ours: a restore refuses a manifest without it. */
	static final String FORMAT = "safesteps-backup";

	/** The data layout this version writes and reads. */
	static final int SCHEMA = 1;

	static final String FILE = "manifest.json";

	Manifest {
		collections = List.copyOf(collections);
	}

	long documents() {
		return this.collections.stream().mapToLong(Entry::count).sum();
	}

	String toJson() {
		List<Document> entries = new ArrayList<>();
		for (Entry entry : this.collections) {
			entries.add(new Document("name", entry.name()).append("file", entry.file())
				.append("count", entry.count())
				.append("sha256", entry.sha256()));
		}
		return new Document("format", FORMAT).append("schema", this.schema)
			.append("appVersion", this.appVersion)
			.append("createdAt", this.createdAt.toString())
			.append("collections", entries)
			.toJson();
	}

	/** Reads a manifest, or throws {@link BackupRefusedException} saying why the file is not one of ours. */
	static Manifest parse(String json) {
		try {
			Document document = Document.parse(json);
			if (!FORMAT.equals(document.getString("format"))) {
				throw new BackupRefusedException("it is not a SafeSteps backup");
			}
			List<Entry> entries = new ArrayList<>();
			for (Document entry : document.getList("collections", Document.class)) {
				entries.add(new Entry(entry.getString("name"), entry.getString("file"),
						((Number) entry.get("count")).longValue(), entry.getString("sha256")));
			}
			Object created = document.get("createdAt");
			Instant createdAt = (created instanceof Date date) ? date.toInstant() : Instant.parse((String) created);
			return new Manifest(document.getInteger("schema"), document.getString("appVersion"), createdAt, entries);
		}
		catch (BackupRefusedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new BackupRefusedException("its manifest cannot be read: the file is damaged, or not a SafeSteps backup");
		}
	}

	/** One collection in the backup: its entry in the file, document count and SHA-256 (hex) of that entry. */
	record Entry(String name, String file, long count, String sha256) {
	}

}
