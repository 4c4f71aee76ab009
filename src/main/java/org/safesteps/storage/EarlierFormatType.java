package org.safesteps.storage;

import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A type of the file backend's maps that writes some values its own way, under a tag H2's
 * {@link ObjectDataType} never writes, and leaves everything else to that type: values and keys
 * written the earlier way are still read, and values compare and are stored in memory as before.
 */
abstract class EarlierFormatType extends BasicDataType<Object> {

	/** The type every map of the file backend used before: reads and writes whatever this one leaves. */
	final ObjectDataType earlier = new ObjectDataType();

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

	@Override
	public int compare(Object a, Object b) {
		return this.earlier.compare(a, b);
	}

}
