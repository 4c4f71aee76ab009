/**
 * Connects to MongoDB: the embedded server when no {@code MONGODB_URI} is set, indexes, health.
 */
@ApplicationModule(allowedDependencies = {})
package org.safesteps.storage;

import org.springframework.modulith.ApplicationModule;
