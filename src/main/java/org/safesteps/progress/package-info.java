/**
 * Keeps each learner's progress through modules and their quiz attempts.
 */
@ApplicationModule(allowedDependencies = { "classroom", "content", "quiz" })
package org.safesteps.progress;

import org.springframework.modulith.ApplicationModule;
