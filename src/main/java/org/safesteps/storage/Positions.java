package org.safesteps.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of the documents filed under one key value of a {@link SecondaryIndex}, in the order
 * they were filed, each once. Kept as an array: a position costs one reference, where a
 * {@code LinkedHashSet} spent an entry of about 40 bytes and a table slot on it, and the attempts'
 * indexes hold a few such positions for every attempt ever stored (docs/performance.md, "Stop 31").
 * <p>
 * Most sets only grow: an attempt is filed once and stays. A removal leaves a gap that is closed
 * when gaps are half the array. Finding a position to remove reads the array while it is short; a
 * long set keeps a map from position to slot from its first removal on (the sets of collections
 * whose documents move between keys, such as a rate-limit bucket's expiry, are short anyway).
 * Not thread-safe: the index holds its lock around every call.
 */
final class Positions<P> {

	/** Up to this many slots, a position is found by reading them; beyond, through {@link #slots}. */
	static final int SCANNED = 32;

	private Object[] items = new Object[2];

	/** Slots used in {@link #items}, gaps included. */
	private int end;

	/** Positions held (slots used minus gaps). */
	private int size;

	/** Each position's slot, once a long set was asked to find one; null before. */
	private Map<Object, Integer> slots;

	/** Adds a position not held yet, after the others. */
	void add(P position) {
		if (this.end == this.items.length) {
			this.items = Arrays.copyOf(this.items, this.items.length + Math.max(2, this.items.length >> 1));
		}
		if (this.slots != null) {
			this.slots.put(position, this.end);
		}
		this.items[this.end++] = position;
		this.size++;
	}

	/** Adds a position unless it is held already; whether it was added. */
	boolean addIfAbsent(P position) {
		if (slotOf(position) >= 0) {
			return false;
		}
		add(position);
		return true;
	}

	/** Whether the last position added (and not removed) is this one. */
	boolean endsWith(P position) {
		return this.end > 0 && position.equals(this.items[this.end - 1]);
	}

	/** Removes a position; whether it was held. */
	boolean remove(P position) {
		int slot = slotOf(position);
		if (slot < 0) {
			return false;
		}
		this.items[slot] = null;
		if (this.slots != null) {
			this.slots.remove(position);
		}
		this.size--;
		if (slot == this.end - 1) {
			this.end--;
		}
		if (this.size == 0) {
			this.items = new Object[2];
			this.end = 0;
			this.slots = null;
		}
		else if (this.end - this.size > this.end / 2) {
			closeGaps();
		}
		return true;
	}

	int size() {
		return this.size;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/** The positions in the order they were filed, as a new list. */
	List<P> toList() {
		List<P> list = new ArrayList<>(this.size);
		addTo(list);
		return list;
	}

	/** Adds the positions, in the order they were filed, to {@code list}. */
	@SuppressWarnings("unchecked")
	void addTo(List<? super P> list) {
		for (int i = 0; i < this.end; i++) {
			if (this.items[i] != null) {
				list.add((P) this.items[i]);
			}
		}
	}

	private int slotOf(Object position) {
		if (this.slots == null && this.end > SCANNED) {
			this.slots = new HashMap<>();
			for (int i = 0; i < this.end; i++) {
				if (this.items[i] != null) {
					this.slots.put(this.items[i], i);
				}
			}
		}
		if (this.slots != null) {
			Integer slot = this.slots.get(position);
			return (slot != null) ? slot : -1;
		}
		for (int i = 0; i < this.end; i++) {
			if (position.equals(this.items[i])) {
				return i;
			}
		}
		return -1;
	}

	private void closeGaps() {
		Object[] closed = new Object[Math.max(2, this.size + (this.size >> 1))];
		int to = 0;
		for (int i = 0; i < this.end; i++) {
			if (this.items[i] != null) {
				closed[to] = this.items[i];
				if (this.slots != null) {
					this.slots.put(this.items[i], to);
				}
				to++;
			}
		}
		this.items = closed;
		this.end = to;
	}

}
