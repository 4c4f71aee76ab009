/**
 * Teachers run their classes: join codes, assignments, progress reports, parent letters, posters
 * and a preview of every lesson and quiz.
 */
@ApplicationModule(allowedDependencies = { "account", "classroom", "content", "guidance", "learner", "lti", "progress", "quiz", "theme" })
package org.safesteps.teacher;

import org.springframework.modulith.ApplicationModule;
