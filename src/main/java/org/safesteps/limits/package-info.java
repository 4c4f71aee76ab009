/**
 * Rate limits against guessing and flooding: token buckets (Bucket4j) whose state lives in MongoDB,
 * so every app instance enforces the same limits.
 */
@ApplicationModule(allowedDependencies = {})
package org.safesteps.limits;

import org.springframework.modulith.ApplicationModule;
