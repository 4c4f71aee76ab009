package org.safesteps.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * "Step reached" marks, written behind the lesson page: a request queues its mark and is answered;
 * one writer thread writes what has queued every {@code safesteps.step-marks.every} (250 ms) or
 * every {@code batch} marks, in one unordered bulk write, and at shutdown. A crash loses the marks
 * of the last fraction of a second (docs/data.md); quiz results never go this way.
 * <p>
 * The documents are exactly those {@link ProgressStore#reachStep} writes: the step only ever rises
 * ({@code $max}), a step already reached writes nothing (so {@code updatedAt} does not move), and a
 * new document gets the same fields. Each mark is two updates with no read: an upsert where the
 * step is lower (when the document exists with the step already reached, the upsert's insert meets
 * the unique (learnerId, moduleId) index and is refused: nothing to do), and an update where the
 * lesson's number of steps changed. Marks the writer knows to be reached already are not queued.
 */
@Component
@EnableConfigurationProperties(StepMarkProperties.class)
public class StepMarks {

	private static final Logger log = LoggerFactory.getLogger(StepMarks.class);

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final StepMarkProperties properties;

	private final ObjectProvider<KnownLearners> learners;

	/** Marks waiting for the writer, one per (learner, module), the highest step kept. */
	private final Map<Key, Mark> queued = new ConcurrentHashMap<>();

	/** What this instance knows is stored; progress never falls, so a kept value stays true. */
	private final Cache<Key, Reached> stored = Caffeine.newBuilder().maximumSize(50_000).build();

	/** Held while a batch is written, so a learner's deletion waits for a batch that holds their marks. */
	private final ReentrantLock writing = new ReentrantLock();

	private final AtomicBoolean kicked = new AtomicBoolean();

	private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "step-marks");
		thread.setDaemon(true);
		return thread;
	});

	StepMarks(MongoTemplate mongo, Clock clock, StepMarkProperties properties, ObjectProvider<KnownLearners> learners) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
		this.learners = learners;
		long every = properties.every().toMillis();
		this.writer.scheduleWithFixedDelay(this::writeQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	/** Queues "this learner reached this step (0-based) of a lesson of this many steps"; returns at once. */
	public void mark(Owner owner, String moduleId, int stepIndex, int stepsTotal) {
		Key key = new Key(owner.learnerId(), moduleId);
		Reached known = this.stored.getIfPresent(key);
		if (known != null && known.covers(stepIndex, stepsTotal)) {
			return;
		}
		if (this.queued.size() >= this.properties.maxQueued() && !this.queued.containsKey(key)) {
			log.warn("Step marks: {} waiting to be written, a new one is dropped", this.queued.size());
			return;
		}
		this.queued.merge(key, new Mark(owner, moduleId, stepIndex, stepsTotal), Mark::higher);
		if (this.queued.size() >= this.properties.batch() && this.kicked.compareAndSet(false, true)) {
			this.writer.execute(this::writeQuietly);
		}
	}

	/** Writes every queued mark now; for shutdown, and for tests that read progress after a step. */
	public void flush() {
		write();
	}

	/**
	 * Writes this learner's queued marks now, if any: their own pages (my modules, my progress) read
	 * after it, so a child always sees the steps they have read, whatever the writer's rhythm.
	 */
	void flushLearner(String learnerId) {
		if (this.queued.keySet().stream().noneMatch((key) -> key.learnerId().equals(learnerId))) {
			return;
		}
		this.writing.lock();
		try {
			List<Mark> theirs = new ArrayList<>();
			for (Key key : this.queued.keySet()) {
				if (key.learnerId().equals(learnerId)) {
					Mark mark = this.queued.remove(key);
					if (mark != null) {
						theirs.add(mark);
					}
				}
			}
			writeBatch(theirs);
		}
		finally {
			this.writing.unlock();
		}
	}

	/** A learner is being deleted: their queued marks go, after any batch being written is done. */
	void dropLearner(String learnerId) {
		this.writing.lock();
		try {
			this.queued.keySet().removeIf((key) -> key.learnerId().equals(learnerId));
			this.stored.asMap().keySet().removeIf((key) -> key.learnerId().equals(learnerId));
		}
		finally {
			this.writing.unlock();
		}
	}

	@PreDestroy
	void stop() {
		this.writer.shutdown();
		try {
			this.writer.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		writeQuietly();
	}

	private void writeQuietly() {
		this.kicked.set(false);
		try {
			write();
		}
		catch (RuntimeException ex) {
			log.warn("Step marks not written yet, kept for the next try: {}", ex.toString());
		}
	}

	private void write() {
		this.writing.lock();
		try {
			while (!this.queued.isEmpty()) {
				writeBatch(take());
			}
		}
		finally {
			this.writing.unlock();
		}
	}

	private List<Mark> take() {
		List<Mark> batch = new ArrayList<>();
		for (Key key : this.queued.keySet()) {
			Mark mark = this.queued.remove(key);
			if (mark != null) {
				batch.add(mark);
			}
			if (batch.size() >= this.properties.batch()) {
				break;
			}
		}
		return batch;
	}

	private void writeBatch(List<Mark> batch) {
		if (batch.isEmpty()) {
			return;
		}
		Date now = Date.from(this.clock.instant());
		List<WriteModel<Document>> updates = new ArrayList<>();
		for (Mark mark : batch) {
			Document update = update(mark, now);
			updates.add(new UpdateOneModel<>(Filters.and(key(mark), Filters.lt("stepReached", mark.stepIndex())), update,
					new UpdateOptions().upsert(true)));
			updates.add(new UpdateOneModel<>(Filters.and(key(mark), Filters.ne("stepsTotal", mark.stepsTotal())), update));
		}
		List<Mark> refused = new ArrayList<>();
		try {
			this.mongo.getCollection("progress").bulkWrite(updates, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					requeue(batch);
					throw ex;
				}
				refused.add(batch.get(error.getIndex() / 2));
			}
		}
		catch (RuntimeException ex) {
			requeue(batch);
			throw ex;
		}
		for (Mark mark : batch) {
			if (!refused.contains(mark)) {
				this.stored.put(mark.key(), new Reached(mark.stepIndex(), mark.stepsTotal()));
			}
		}
		refused.forEach(this::settle);
		removeForgotten(batch);
	}

	/**
	 * The upsert's insert was refused: the document exists with the step already reached (the usual
	 * case), or a parallel first write (a quiz submission, another instance) inserted it just before;
	 * then the same update applies to it now, as {@link ProgressStore#reachStep} retries.
	 */
	private void settle(Mark mark) {
		Document found = this.mongo.getCollection("progress").find(key(mark)).first();
		if (found == null) {
			return;
		}
		if (found.getInteger("stepReached", 0) < mark.stepIndex()) {
			this.mongo.getCollection("progress").updateOne(key(mark), update(mark, Date.from(this.clock.instant())));
		}
		this.stored.put(mark.key(), new Reached(Math.max(found.getInteger("stepReached", 0), mark.stepIndex()),
				mark.stepsTotal()));
	}

	/**
	 * A learner deleted on another instance is still recognised here for a few seconds; if a mark of
	 * theirs was written after their progress was deleted, it goes now.
	 */
	private void removeForgotten(List<Mark> batch) {
		KnownLearners known = this.learners.getIfAvailable();
		if (known == null) {
			return;
		}
		Set<String> ids = new HashSet<>();
		batch.forEach((mark) -> ids.add(mark.owner().learnerId()));
		ids.removeAll(known.existing(ids));
		if (!ids.isEmpty()) {
			this.mongo.getCollection("progress").deleteMany(Filters.in("learnerId", ids));
			this.stored.asMap().keySet().removeIf((key) -> ids.contains(key.learnerId()));
		}
	}

	private void requeue(List<Mark> batch) {
		batch.forEach((mark) -> this.queued.merge(mark.key(), mark, Mark::higher));
	}

	private static Bson key(Mark mark) {
		return Filters.and(Filters.eq("learnerId", mark.owner().learnerId()), Filters.eq("moduleId", mark.moduleId()));
	}

	/** The update {@link ProgressStore#reachStep} makes, field for field. */
	private static Document update(Mark mark, Date now) {
		return new Document("$max", new Document("stepReached", mark.stepIndex()))
			.append("$set", new Document("stepsTotal", mark.stepsTotal()).append("updatedAt", now))
			.append("$setOnInsert", new Document("classId", mark.owner().classId())
				.append("band", mark.owner().band().name())
				.append("startedAt", now)
				.append("attempts", 0));
	}

	private record Key(String learnerId, String moduleId) {
	}

	private record Reached(int stepIndex, int stepsTotal) {

		boolean covers(int step, int total) {
			return this.stepIndex >= step && this.stepsTotal == total;
		}

	}

	private record Mark(Owner owner, String moduleId, int stepIndex, int stepsTotal) {

		Key key() {
			return new Key(this.owner.learnerId(), this.moduleId);
		}

		/** The later mark's lesson length, the higher step. */
		Mark higher(Mark later) {
			return new Mark(later.owner, later.moduleId, Math.max(this.stepIndex, later.stepIndex), later.stepsTotal);
		}

	}

}
