package org.safesteps.storage;

import java.util.function.Function;

import com.mongodb.client.ClientSession;

/**
 * Reads of several collections that all see the same moment, for a backup. On a real MongoDB
 * (a replica set, 5.0 or later) the reads share a snapshot session and writes go on; on the
 * embedded server, which has no snapshot reads, writes wait at its {@link WriteGate} meanwhile.
 */
public interface ConsistentReads {

	/**
	 * Runs {@code reader} with the session its reads must use: a snapshot session, or {@code null}
	 * on the embedded server (plain reads, writes held back until {@code reader} returns).
	 */
	<T> T atOneMoment(Function<ClientSession, T> reader);

}
