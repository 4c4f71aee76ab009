package org.safesteps.storage;

import java.nio.file.Path;

/** Another SafeSteps process already runs the embedded database on this data folder. */
public class DataFolderInUseException extends RuntimeException {

	private final Path dataDir;

	public DataFolderInUseException(Path dataDir) {
		super("The data folder " + dataDir + " is already in use by another SafeSteps instance.");
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return this.dataDir;
	}

}
