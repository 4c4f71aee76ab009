package org.safesteps.storage;

import java.lang.reflect.Field;
import java.util.Map;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.cache.CacheLongKeyLIRS;

/**
 * The file backend's file: H2's own single file, whose page cache lets go of a page as soon as a
 * change replaces it.
 * <p>
 * H2 never changes a page in place: a change copies the page (and its parents up to the root), and
 * the next commit writes the copy at a new position. The cache is keyed by position and H2 leaves
 * the replaced versions in it until they are evicted, for a reader still on an older version of the
 * map. Under quiz traffic most of the cache was such versions: a learner's progress page is
 * rewritten every second or so, each version a new entry, and the entries still in use (the current
 * versions) were pushed out and read back from the file (97 MB in a 30 s quiz round). The garbage
 * collector paid for it twice: every replaced version lived on for seconds, long enough to be
 * copied through the survivor spaces several times (docs/performance.md, "Stop 30").
 * <p>
 * Here a page leaves the cache when H2 counts it as removed. A reader on an older version (a backup,
 * {@link FileSnapshot}, or a read that began before the change) that still needs it reads it from
 * the file, which H2 keeps until no reader can need it; nothing but the cache changes.
 * <p>
 * The cache is H2's own, reached by reflection: H2 offers no way to remove one entry. Opening a store
 * fails at once (not later, under load) if a new H2 version renames it ({@code ReleasingFileStoreTest}
 * checks the pages leave).
 */
final class ReleasingFileStore extends SingleFileStore {

	private final CacheLongKeyLIRS<?> cache;

	ReleasingFileStore(Map<String, Object> config) {
		super(config);
		this.cache = pageCache(this);
	}

	@Override
	public void accountForRemovedPage(long pos, long version, boolean pinned, int pageNo) {
		super.accountForRemovedPage(pos, version, pinned, pageNo);
		if (this.cache != null) {
			this.cache.remove(pos);
		}
	}

	/** H2's page cache of {@code store}, or {@code null} if it has none (a cache size of 0). */
	static CacheLongKeyLIRS<?> pageCache(FileStore<?> store) {
		try {
			Field field = FileStore.class.getDeclaredField("cache");
			field.setAccessible(true);
			return (CacheLongKeyLIRS<?>) field.get(store);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("This H2 version's file store has no page cache field ("
					+ ex.getMessage() + "): update ReleasingFileStore for it", ex);
		}
	}

}
