package org.safesteps.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Bucket4j's buckets kept in the {@code rate_limits} collection, one document per bucket
 * ({@code _id} the bucket key, {@code state} Bucket4j's serialised state, {@code expiresAt} when a
 * full bucket may be forgotten). Bucket4j has no MongoDB module for Java 17, so this is its generic
 * compare-and-swap contract on single-document atomic writes: an insert guarded by the unique
 * {@code _id}, and an update whose filter is the state read before.
 * <p>
 * A bucket this instance has not used lately is first taken to be new: its fresh state is
 * inserted straight away, without reading first, since the insert itself says (duplicate key)
 * when the bucket exists after all, and then it is read and updated as usual. So a client's first
 * request costs one round trip per bucket instead of two (a burst of new learners' joins), and the
 * limits stay exact across instances: no state is kept here, only a guess of which keys exist.
 */
final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

	/** Slots of the table of recently used keys (a power of two): 128 KB. */
	private static final int KNOWN_SLOTS = 1 << 14;

	private final MongoCollection<Document> collection;

	/**
	 * Hashes of bucket keys this instance has read or written lately, one per slot (a newer key
	 * takes an older one's slot). A key missing from it costs a failed insert when the bucket
	 * exists, one found in it by a hash collision costs a read; neither changes an answer.
	 */
	private final AtomicLongArray known = new AtomicLongArray(KNOWN_SLOTS);

	MongoBuckets(MongoCollection<Document> collection) {
		super(ClientSideConfig.getDefault()
			.withExpirationAfterWriteStrategy(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
		this.collection = collection;
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			/** Whether this operation has already taken its bucket to be new (then it reads). */
			private boolean guessedNew;

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				if (!this.guessedNew && !isKnown(key)) {
					this.guessedNew = true;
					return Optional.empty();
				}
				Document found = MongoBuckets.this.collection.find(Filters.eq("_id", key)).first();
				if (found != null) {
					remember(key);
				}
				return Optional.ofNullable(found).map((document) -> document.get("state", Binary.class).getData());
			}

			@Override
			public boolean compareAndSwap(byte[] original, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				boolean swapped = swap(key, original, newData, newState);
				if (swapped) {
					remember(key);
				}
				return swapped;
			}

		};
	}

	private boolean isKnown(String key) {
		long hash = hash(key);
		return this.known.get(slot(hash)) == hash;
	}

	private void remember(String key) {
		long hash = hash(key);
		this.known.set(slot(hash), hash);
	}

	/** Never 0, the value of an empty slot. */
	private static long hash(String key) {
		long hash = key.hashCode() * 0x9E3779B97F4A7C15L;
		return (hash == 0) ? 1 : hash;
	}

	private static int slot(long hash) {
		return (int) (hash >>> 50) & (KNOWN_SLOTS - 1);
	}

	private boolean swap(String key, byte[] original, byte[] newData, RemoteBucketState newState) {
		Date expiresAt = new Date(System.currentTimeMillis() + timeToLiveMillis(newState));
		if (original == null) {
			try {
				this.collection.insertOne(
						new Document("_id", key).append("state", new Binary(newData)).append("expiresAt", expiresAt));
				return true;
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw ex;
			}
		}
		return this.collection
			.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", new Binary(original))),
					Updates.combine(Updates.set("state", new Binary(newData)), Updates.set("expiresAt", expiresAt)))
			.getMatchedCount() == 1;
	}

	private long timeToLiveMillis(RemoteBucketState state) {
		return getClientSideConfig().getExpirationAfterWriteStrategy()
			.map((strategy) -> strategy.calculateTimeToLiveMillis(state, currentTimeNanos()))
			.orElse(Duration.ofHours(1).toMillis());
	}

	/**
	 * Forgets up to {@code most} buckets that have refilled (the embedded server ignores the TTL index
	 * real MongoDB uses); returns how many. One {@code deleteMany} of every expired bucket held the
	 * collection (and so every bucket check) for as long as deleting them all took: 440 ms for the
	 * thousands that expire over a quiet minute. So the expired ones' ids are read first (at most
	 * {@code most}), then deleted in one round trip of single deletes, each still only if expired,
	 * which the embedded server runs one at a time, letting checks in between.
	 */
	int removeExpired(int most) {
		Date now = new Date();
		List<DeleteOneModel<Document>> deletes = this.collection.find(Filters.lt("expiresAt", now))
			.projection(Projections.include("_id"))
			.limit(most)
			.map((bucket) -> new DeleteOneModel<Document>(
					Filters.and(Filters.eq("_id", bucket.get("_id")), Filters.lt("expiresAt", now))))
			.into(new ArrayList<>());
		if (deletes.isEmpty()) {
			return 0;
		}
		return this.collection.bulkWrite(deletes, new BulkWriteOptions().ordered(false)).getDeletedCount();
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("Rate limits are checked synchronously");
	}

	@Override
	public void removeProxy(String key) {
		this.collection.deleteOne(Filters.eq("_id", key));
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		return CompletableFuture.failedFuture(new UnsupportedOperationException("Rate limits are checked synchronously"));
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

}
