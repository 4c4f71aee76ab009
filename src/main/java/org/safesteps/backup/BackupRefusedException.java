package org.safesteps.backup;

/** A file that must not be restored, with a plain reason to show the admin ("it is not a SafeSteps backup"). */
public class BackupRefusedException extends RuntimeException {

	public BackupRefusedException(String reason) {
		super(reason);
	}

}
