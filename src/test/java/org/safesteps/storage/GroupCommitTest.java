package org.safesteps.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file backend's group commit: what a write waits for before it is acknowledged. */
class GroupCommitTest {

	@TempDir
	Path dir;

	@Test
	void aWriteIsInTheFileWhenItsWaitReturns() throws Exception {
		Path file = this.dir.resolve("store.mv");
		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		try (GroupCommit commits = new GroupCommit(store)) {
			MVMap<String, String> map = store.openMap("data");
			for (int i = 0; i < 5; i++) {
				map.put("k" + i, "v" + i);
				commits.awaitDurable();
				// a copy of the file as it is now is what a crash at this moment would leave behind
				Path copy = this.dir.resolve("copy" + i + ".mv");
				Files.copy(file, copy);
				MVStore reopened = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
				try {
					assertThat(reopened.<String, String>openMap("data")).containsEntry("k" + i, "v" + i);
				}
				finally {
					reopened.close();
				}
			}
		}
		finally {
			store.close();
		}
	}

	@Test
	void writesWaitingTogetherShareCommits() throws Exception {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("store.mv").toString()).open();
		int threads = 16;
		int each = 40;
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try (GroupCommit commits = new GroupCommit(store)) {
			MVMap<String, Integer> map = store.openMap("data");
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < each; i++) {
						String key = thread + "-" + i;
						map.put(key, i);
						commits.awaitDurable();
						acknowledged.add(key);
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
			assertThat(acknowledged).hasSize(threads * each);
			// 16 writers each waiting for a sync: while one sync runs, the others queue for the next
			assertThat(commits.commits()).isPositive().isLessThan(threads * each);
		}
		finally {
			pool.shutdownNow();
			store.close();
		}
	}

	@Test
	void aWriteAfterClosingIsRefusedNotAcknowledged() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("store.mv").toString()).open();
		try {
			GroupCommit commits = new GroupCommit(store);
			commits.close();
			assertThatThrownBy(commits::awaitDurable).isInstanceOf(GroupCommit.NotDurableException.class);
		}
		finally {
			store.close();
		}
	}

	@Test
	void aFailedSyncFailsTheWaitingWrite() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("store.mv").toString()).open();
		MVMap<String, String> map = store.openMap("data");
		map.put("before", "x");
		// a store that can no longer write: the next commit throws, as on a full or vanished disk
		store.closeImmediately();
		try (GroupCommit commits = new GroupCommit(store)) {
			assertThatThrownBy(commits::awaitDurable).isInstanceOf(GroupCommit.NotDurableException.class)
				.hasMessageContaining("could not be saved");
		}
	}

}
