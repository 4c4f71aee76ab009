package org.safesteps.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database keeps its files and how long the driver waits for any database.
 *
 * @param dataDir folder of the embedded database ({@code SAFESTEPS_DATA_DIR})
 * @param embeddedBackend {@code file} (H2, survives restarts) or {@code memory} (tests)
 * @param embeddedPort TCP port of the embedded server on 127.0.0.1; 0 picks a free one
 * @param timeout how long a request waits for the database (server selection, connection, pool)
 *        before the page says it is unavailable; with the rate-limit check and rendering, the
 *        page answers within 2 seconds
 * @param embeddedCacheMb page cache of the file backend (H2 MVStore), in MB of heap: a cache that holds
 *        the working set saves reading pages from the file again; each document counts as its BSON
 *        bytes ({@link BsonDocumentType#getMemory}), so this bounds the heap the cache holds
 */
@ConfigurationProperties("safesteps.storage")
public record StorageProperties(
		@DefaultValue("./data") Path dataDir,
		@DefaultValue("file") Backend embeddedBackend,
		@DefaultValue("0") int embeddedPort,
		@DefaultValue("1s") Duration timeout,
		@DefaultValue("64") int embeddedCacheMb) {

	public enum Backend {
		FILE, MEMORY
	}

}
