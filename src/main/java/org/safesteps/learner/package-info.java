/**
 * Lets children join a class with a code, or learn on their own, without any personal data, and
 * serves their lessons and quizzes.
 */
@ApplicationModule(allowedDependencies = { "classroom", "content", "display", "guidance", "limits", "progress", "quiz", "session", "storage", "theme" })
package org.safesteps.learner;

import org.springframework.modulith.ApplicationModule;
