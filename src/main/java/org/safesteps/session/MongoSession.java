package org.safesteps.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.session.Session;

/**
 * One session as loaded from (or about to be stored in) the {@code sessions} collection. It
 * remembers what changed since it was loaded, so saving writes only that: most teacher requests
 * change nothing and write nothing. As with Spring Session's other stores, a change to an
 * attribute is saved when the attribute is set again, not when an object held in it is mutated.
 */
final class MongoSession implements Session {

	private final Supplier<String> ids;

	private final Map<String, Object> attributes;

	private final Set<String> changed = new HashSet<>();

	private final Instant creationTime;

	private String id;

	/** The id this session has in the store; null until first saved. */
	private String storedId;

	private Instant lastAccessedTime;

	private Instant storedLastAccessedTime;

	private Duration maxInactiveInterval;

	private boolean intervalChanged;

	/** A new session, not stored yet. */
	MongoSession(Supplier<String> ids, Duration maxInactiveInterval, Instant now) {
		this(ids, ids.get(), null, new HashMap<>(), now, now, maxInactiveInterval);
	}

	/** A stored session. */
	MongoSession(Supplier<String> ids, String id, Map<String, Object> attributes, Instant creationTime,
			Instant lastAccessedTime, Duration maxInactiveInterval) {
		this(ids, id, id, attributes, creationTime, lastAccessedTime, maxInactiveInterval);
	}

	private MongoSession(Supplier<String> ids, String id, String storedId, Map<String, Object> attributes,
			Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval) {
		this.ids = ids;
		this.id = id;
		this.storedId = storedId;
		this.attributes = attributes;
		this.creationTime = creationTime;
		this.lastAccessedTime = lastAccessedTime;
		this.storedLastAccessedTime = lastAccessedTime;
		this.maxInactiveInterval = maxInactiveInterval;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public String changeSessionId() {
		this.id = this.ids.get();
		return this.id;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T getAttribute(String name) {
		return (T) this.attributes.get(name);
	}

	@Override
	public Set<String> getAttributeNames() {
		return Set.copyOf(this.attributes.keySet());
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			removeAttribute(name);
			return;
		}
		this.attributes.put(name, value);
		this.changed.add(name);
	}

	@Override
	public void removeAttribute(String name) {
		if (this.attributes.remove(name) != null || this.storedId != null) {
			this.changed.add(name);
		}
	}

	@Override
	public Instant getCreationTime() {
		return this.creationTime;
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.lastAccessedTime = lastAccessedTime;
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.lastAccessedTime;
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.maxInactiveInterval = interval;
		this.intervalChanged = true;
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.maxInactiveInterval;
	}

	@Override
	public boolean isExpired() {
		return isExpired(Instant.now());
	}

	boolean isExpired(Instant now) {
		return !this.maxInactiveInterval.isNegative() && !now.isBefore(expiresAt());
	}

	Instant expiresAt() {
		return this.lastAccessedTime.plus(this.maxInactiveInterval);
	}

	String storedId() {
		return this.storedId;
	}

	Map<String, Object> attributes() {
		return this.attributes;
	}

	Set<String> changedAttributes() {
		return this.changed;
	}

	boolean intervalChanged() {
		return this.intervalChanged;
	}

	Instant storedLastAccessedTime() {
		return this.storedLastAccessedTime;
	}

	/** After a save: what is in memory is what is stored. */
	void saved() {
		this.storedId = this.id;
		this.storedLastAccessedTime = this.lastAccessedTime;
		this.changed.clear();
		this.intervalChanged = false;
	}

}
