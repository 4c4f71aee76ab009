/**
 * Rate limits against guessing and flooding: token buckets (Bucket4j) whose state lives in MongoDB,
 * so every app instance enforces the same limits, or in the process when it owns the embedded
 * database (storage), which no other instance can share.
 */
@ApplicationModule(allowedDependencies = { "storage" })
package org.safesteps.limits;

import org.springframework.modulith.ApplicationModule;
