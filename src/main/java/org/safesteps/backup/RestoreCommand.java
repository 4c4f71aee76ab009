package org.safesteps.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNamespace;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import org.bson.BsonDocument;

import org.safesteps.storage.DataFolderInUseException;
import org.safesteps.storage.EmbeddedMongo;
import org.safesteps.storage.StorageProperties;

/**
 * {@code java -jar safesteps.jar --restore FILE [--force]}, with the app stopped. The whole file is
 * checked first; the documents are then written into a new database beside the live one (a new
 * store file in the data folder, or new collections in MongoDB) and only a complete copy replaces
 * the live data, so a failure at any point leaves the database as it was.
 * <p>
 * On the embedded database the switch is one atomic rename of the store file, and the replaced
 * file is kept beside it ({@code safesteps.mv.before-restore-TIME}). On MongoDB
 * ({@code MONGODB_URI}) each collection is renamed over the live one, each rename atomic.
 */
public final class RestoreCommand {

	static final int DONE = 0;

	static final int REFUSED = 2;

	static final int FAILED = 1;

	private static final String STORE = "safesteps.mv";

	private static final int BATCH = 1000;

	private final PrintStream out;

	private RestoreCommand(PrintStream out) {
		this.out = out;
	}

	/**
	 * Runs a restore from the command line; returns the exit code. Where to: {@code MONGODB_URI}
	 * (environment or {@code --spring.mongodb.uri=}), else the data folder
	 * ({@code SAFESTEPS_DATA_DIR} or {@code --safesteps.storage.data-dir=}, default {@code ./data}).
	 */
	public static int run(List<String> args, Map<String, String> env, PrintStream out) {
		int at = args.indexOf("--restore");
		if (at < 0 || at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
			out.println("Usage: java -jar safesteps.jar --restore BACKUP_FILE [--force]");
			return REFUSED;
		}
		Path file = Path.of(args.get(at + 1));
		boolean force = args.contains("--force");
		String uri = option(args, "--spring.mongodb.uri=", env.get("MONGODB_URI"));
		Path dataDir = Path.of(option(args, "--safesteps.storage.data-dir=", env.getOrDefault("SAFESTEPS_DATA_DIR", "./data")));
		RestoreCommand command = new RestoreCommand(out);
		try {
			if (!Files.isRegularFile(file)) {
				return command.refuse(file, "there is no such file");
			}
			out.println("Checking " + file + " ...");
			Manifest manifest = BackupFile.verify(file);
			out.println("It is a SafeSteps backup from " + manifest.createdAt() + " (version " + manifest.appVersion()
					+ "): " + manifest.collections().size() + " collections, " + manifest.documents() + " documents.");
			if (uri != null && !uri.isBlank()) {
				return command.intoMongo(file, uri, force);
			}
			return command.intoDataFolder(file, dataDir.toAbsolutePath().normalize(), force);
		}
		catch (BackupRefusedException ex) {
			return command.refuse(file, ex.getMessage());
		}
		catch (DataFolderInUseException ex) {
			out.println("Refused: SafeSteps is running on " + dataDir + ". Stop it first. Nothing was changed.");
			return REFUSED;
		}
		catch (RuntimeException | IOException ex) {
			out.println("The restore failed (" + ex.getMessage() + "). The database was not changed.");
			return FAILED;
		}
	}

	private int refuse(Path file, String reason) {
		this.out.println("Refused: " + file + " cannot be restored: " + reason + ". Nothing was changed.");
		return REFUSED;
	}

	private int intoDataFolder(Path file, Path dataDir, boolean force) throws IOException {
		Path live = dataDir.resolve(STORE);
		if (Files.exists(live)) {
			long documents = withEmbedded(dataDir, RestoreCommand::countDocuments);
			if (documents > 0 && !force) {
				this.out.println("Refused: the database in " + dataDir + " already holds " + documents
						+ " documents. Add --force to replace them (they are kept in a file beside it). Nothing was changed.");
				return REFUSED;
			}
		}
		Files.createDirectories(dataDir);
		Path staging = Files.createTempDirectory(dataDir, ".restore-");
		try {
			withEmbedded(staging, (database) -> {
				BackupFile.read(file, (entry, documents) -> insert(database, entry.name(), documents));
				return null;
			});
			switchStore(dataDir, staging.resolve(STORE), live);
		}
		finally {
			BackupFile.deleteTree(staging);
		}
		this.out.println("Restored into " + dataDir + ". Start SafeSteps as usual.");
		return DONE;
	}

	/**
	 * Replaces the live store by the restored one in one atomic rename, under the data folder's
	 * lock (so an app started meanwhile is not pulled from under), keeping the replaced one.
	 */
	private void switchStore(Path dataDir, Path restored, Path live) throws IOException {
		try (FileChannel channel = FileChannel.open(dataDir.resolve("safesteps.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new DataFolderInUseException(dataDir);
			}
			if (Files.exists(live)) {
				Path kept = dataDir.resolve(STORE + ".before-restore-" + Instant.now().toString().replace(':', '-'));
				// a second name for the old data: the rename below never leaves the folder without a store
				try {
					Files.createLink(kept, live);
				}
				catch (UnsupportedOperationException | IOException noHardLinks) {
					// a file system without hard links (FAT, some mounted volumes): a copy does the same
					Files.copy(live, kept);
				}
				this.out.println("The data it replaces is kept in " + kept + "; delete that file once you no longer need it.");
			}
			Files.move(restored, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			syncFolder(dataDir);
		}
	}

	private int intoMongo(Path file, String uri, boolean force) {
		ConnectionString connection = new ConnectionString(uri);
		String name = (connection.getDatabase() != null) ? connection.getDatabase() : "safesteps";
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(connection)
			.writeConcern(WriteConcern.MAJORITY.withJournal(true))
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			MongoDatabase database = client.getDatabase(name);
			long documents = countDocuments(database);
			if (documents > 0 && !force) {
				this.out.println("Refused: the MongoDB database " + name + " already holds " + documents
						+ " documents. Add --force to replace them. Nothing was changed.");
				return REFUSED;
			}
			String prefix = "restoring_" + Instant.now().toEpochMilli() + "_";
			List<String> restored = new ArrayList<>();
			try {
				BackupFile.read(file, (entry, docs) -> {
					restored.add(entry.name());
					insert(database, prefix + entry.name(), docs);
				});
			}
			catch (RuntimeException ex) {
				restored.forEach((collection) -> database.getCollection(prefix + collection).drop());
				throw ex;
			}
			List<String> existing = names(database);
			for (String collection : restored) {
				database.getCollection(prefix + collection)
					.renameCollection(new MongoNamespace(name, collection), new RenameCollectionOptions().dropTarget(true));
			}
			for (String collection : existing) {
				if (!restored.contains(collection) && !collection.startsWith("restoring_")) {
					database.getCollection(collection).drop();
				}
			}
			this.out.println("Restored into the MongoDB database " + name + ". Start SafeSteps as usual.");
			return DONE;
		}
	}

	private static void insert(MongoDatabase database, String name, Iterable<BsonDocument> documents) {
		// created even when empty: a restore gives back every collection the backup has
		database.createCollection(name);
		MongoCollection<BsonDocument> collection = database.getCollection(name, BsonDocument.class);
		List<BsonDocument> batch = new ArrayList<>(BATCH);
		for (BsonDocument document : documents) {
			batch.add(document);
			if (batch.size() == BATCH) {
				collection.insertMany(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			collection.insertMany(batch);
		}
	}

	private static long countDocuments(MongoDatabase database) {
		long documents = 0;
		for (String collection : names(database)) {
			documents += database.getCollection(collection).countDocuments();
		}
		return documents;
	}

	private static List<String> names(MongoDatabase database) {
		List<String> names = new ArrayList<>();
		database.listCollectionNames().into(names);
		names.removeIf((collection) -> collection.startsWith("system."));
		return names;
	}

	/** Opens the embedded file database in {@code dir} (refusing one in use), runs {@code work} on it, closes it. */
	private static <T> T withEmbedded(Path dir, java.util.function.Function<MongoDatabase, T> work) {
		EmbeddedMongo server = new EmbeddedMongo(
				new StorageProperties(dir, StorageProperties.Backend.FILE, 0, Duration.ofSeconds(30), 64));
		try {
			server.start();
			try (MongoClient client = MongoClients.create(server.connectionString("safesteps"))) {
				return work.apply(client.getDatabase("safesteps"));
			}
		}
		finally {
			server.close();
		}
	}

	private static String option(List<String> args, String prefix, String fallback) {
		return args.stream().filter((arg) -> arg.startsWith(prefix)).map((arg) -> arg.substring(prefix.length()))
			.findFirst().orElse(fallback);
	}

	private static void syncFolder(Path dir) {
		try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
			folder.force(true);
		}
		catch (IOException ex) {
			// not every file system lets a folder be synced; the rename itself is atomic either way
		}
	}

}
