package org.safesteps.storage;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A file backend collection whose stored documents never change once stored: the map keeps each
 * document as its BSON bytes ({@link BsonDocumentType}), and every read hands out a copy decoded
 * from them.
 * <p>
 * The server's update changes the document it read, then puts it back. H2's pages are
 * copy-on-write, but they held the document object, not its bytes, so a change made that way also
 * showed in every earlier version of the map that shares the page: in a snapshot being read (a
 * backup, {@link FileSnapshot}) and in a commit being written to disk at that moment, which encoded
 * the document while it changed. Kept as bytes, a stored document cannot be changed by anyone who
 * read it, and a commit copies bytes instead of encoding documents.
 * <p>
 * Every method of {@link H2Collection} that touches the map is replaced here: its own would take
 * the kept bytes for a document.
 */
final class CopyOnWriteH2Collection extends H2Collection {

	private final MVMap<Object, Object> documents;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	CopyOnWriteH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		this.documents = (MVMap) dataMap;
	}

	/**
	 * The server keeps a collection's size up to date on every write by encoding the document (twice
	 * for an update) and writing the total to the collection's meta map, a page each commit rewrote;
	 * here the size is the kept bytes' length, added up when asked for ({@code collStats}).
	 */
	@Override
	protected boolean tracksDataSize() {
		return false;
	}

	/** The documents' BSON size (a document kept decoded, which the encoder refused, has none to count). */
	@Override
	protected int getDataSize() {
		if (this.documents == null) {
			// asked for by the server's constructor, before this class's fields are set
			return super.getDataSize();
		}
		long size = 0;
		for (Object kept : this.documents.values()) {
			if (kept instanceof byte[] bson) {
				size += bson.length;
			}
		}
		return (int) Math.min(size, Integer.MAX_VALUE);
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object key = (getIdField() != null) ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
		Object previous = this.documents.putIfAbsent(Missing.ofNullable(key), BsonDocumentType.encode(document));
		if (previous != null) {
			throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
		}
		return key;
	}

	@Override
	protected Document getDocument(Object position) {
		return BsonDocumentType.decode(this.documents.get(position));
	}

	@Override
	protected void removeDocument(Object position) {
		if (this.documents.remove(position) == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		this.documents.put(Missing.ofNullable(position), BsonDocumentType.encode(newDocument));
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return this.documents.entrySet()
			.stream()
			.map((entry) -> new DocumentWithPosition<>(BsonDocumentType.decode(entry.getValue()), entry.getKey()));
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Stream<Document> documentStream;
		if (isNaturalDescending(orderBy)) {
			documentStream = streamAllDocumentsWithPosition()
				.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
				.map(DocumentWithPosition::getDocument);
		}
		else {
			documentStream = this.documents.values().stream().map(BsonDocumentType::decode);
		}
		return matchDocumentsFromStream(documentStream, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

}
