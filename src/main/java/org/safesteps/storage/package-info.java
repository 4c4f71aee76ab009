/**
 * Connects to MongoDB: the embedded server when no {@code MONGODB_URI} is set, indexes, health.
 */
package org.safesteps.storage;
