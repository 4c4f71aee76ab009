/*
 * How much heap the embedded server's in-memory indexes take per attempt: 100,000 documents shaped
 * like attempts (ids, submission ids, 5,000 learners in 170 classes, 6 modules, each string its own
 * copy as if decoded from the wire) filed in the four indexes the attempts collection has on the
 * file backend (_id and submission_unique in InMemoryUniqueIndex, class_module and learner in
 * SecondaryIndex). Prints the bytes the indexes hold per attempt, with every id and string they
 * keep. docs/performance.md, "Smaller index entries", quotes it. From the project folder:
 *
 *   ./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   javac -d target/index-memory -cp target/classes:$(cat target/cp.txt) src/bench/IndexMemory.java
 *   java -Xmx2g -cp target/index-memory:target/classes:$(cat target/cp.txt) org.safesteps.storage.IndexMemory
 */
package org.safesteps.storage;

import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

public final class IndexMemory {

	private static final int ATTEMPTS = 100_000;

	private static final String[] MODULES = { "trusted-adults", "online-friends", "nude-images", "sextortion",
			"grooming", "ai-images" };

	private IndexMemory() {
	}

	public static void main(String[] args) {
		List<Index<Object>> indexes = List.of(
				new InMemoryUniqueIndex<>("_id_", List.of(new IndexKey("_id", true)), false),
				new InMemoryUniqueIndex<>("submission_unique", List.of(new IndexKey("submissionId", true)), false),
				new SecondaryIndex<>("class_module",
						List.of(new IndexKey("classId", true), new IndexKey("moduleId", true)),
						IndexingBackends::filePosition),
				new SecondaryIndex<>("learner", List.of(new IndexKey("learnerId", true)), IndexingBackends::filePosition));
		String[] learners = new String[5_000];
		for (int i = 0; i < learners.length; i++) {
			learners[i] = UUID.randomUUID().toString();
		}
		String[] classes = new String[170];
		for (int i = 0; i < classes.length; i++) {
			classes[i] = new ObjectId().getHexData();
		}
		long before = heapInUse();
		Document[] attempts = new Document[ATTEMPTS];
		for (int i = 0; i < ATTEMPTS; i++) {
			int learner = i % learners.length;
			// each string a copy of its own, as a document decoded from the wire has
			attempts[i] = new Document("_id", new ObjectId()).append("submissionId", UUID.randomUUID().toString())
				.append("learnerId", new String(learners[learner]))
				.append("classId", new String(classes[learner % classes.length]))
				.append("moduleId", new String(MODULES[(i / learners.length) % MODULES.length]));
		}
		// an indexed loop: a for-each would keep the array reachable from a hidden local
		for (int i = 0; i < ATTEMPTS; i++) {
			for (Index<Object> index : indexes) {
				index.add(attempts[i], attempts[i].get("_id"), null);
			}
		}
		attempts = null;
		long after = heapInUse();
		for (Index<Object> index : indexes) {
			if (index.getCount() != ATTEMPTS) {
				throw new AssertionError(index + " holds " + index.getCount());
			}
		}
		if (!indexes.get(3).getPositions(new Document("learnerId", learners[7])).iterator().hasNext()) {
			throw new AssertionError("a learner's attempts are not found");
		}
		System.out.printf("%,d bytes per attempt over the four indexes%n", (after - before) / ATTEMPTS);
	}

	private static long heapInUse() {
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
