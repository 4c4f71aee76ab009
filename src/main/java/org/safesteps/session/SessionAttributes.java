package org.safesteps.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Turns session attribute values (the signed-in teacher's security context, flash messages) into
 * bytes and back with Java serialisation. Reading is limited to an allow-list of classes (the JDK,
 * Spring Security, Spring MVC's flash map, ours) and a small depth, so a tampered document cannot
 * instantiate arbitrary classes.
 */
final class SessionAttributes {

	static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter("maxdepth=20;maxrefs=10000;"
			+ "maxbytes=262144;java.base/*;org.springframework.security.**;org.springframework.web.servlet.FlashMap;"
			+ "org.springframework.util.*;org.safesteps.**;!*");

	private SessionAttributes() {
	}

	static byte[] write(String name, Object value) {
		if (!(value instanceof Serializable)) {
			throw new IllegalArgumentException("Session attribute " + name + " is not serialisable");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (NotSerializableException ex) {
			throw new IllegalArgumentException("Session attribute " + name + " holds a non-serialisable "
					+ ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	/** Reads a value; fails with {@link UnreadableAttributeException} when it cannot or may not be read. */
	static Object read(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(ALLOWED);
			return in.readObject();
		}
		catch (InvalidClassException | ClassNotFoundException ex) {
			throw new UnreadableAttributeException(ex);
		}
		catch (IOException ex) {
			throw new UnreadableAttributeException(ex);
		}
	}

	/** A stored value written by another version of the app, or not by the app at all. */
	static final class UnreadableAttributeException extends RuntimeException {

		UnreadableAttributeException(Exception cause) {
			super(cause.getClass().getSimpleName(), cause);
		}

	}

}
