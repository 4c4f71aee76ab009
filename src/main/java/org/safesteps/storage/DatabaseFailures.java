package org.safesteps.storage;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a database that could not be reached from any other failure, whichever layer wrapped it:
 * the driver's own exceptions, Spring's translations of them, and the translation Spring leaves
 * "uncategorized" (a client-side operation timeout).
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/** Whether {@code thrown}, or anything that caused it, means the database could not be reached. */
	public static boolean unreachable(Throwable thrown) {
		for (Throwable each = thrown; each != null; each = (each.getCause() == each) ? null : each.getCause()) {
			if (each instanceof DataAccessResourceFailureException || each instanceof MongoTimeoutException
					|| each instanceof MongoSocketException) {
				return true;
			}
		}
		return false;
	}

}
