package org.safesteps.storage;

import java.io.IOException;
import java.nio.file.Path;

/** The data folder cannot be created or written. */
public class DataFolderUnusableException extends RuntimeException {

	private final Path dataDir;

	public DataFolderUnusableException(Path dataDir, IOException cause) {
		super("The data folder " + dataDir + " cannot be used: " + cause.getMessage(), cause);
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return this.dataDir;
	}

}
