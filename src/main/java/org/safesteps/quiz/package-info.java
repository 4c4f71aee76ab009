/**
 * Grades quizzes: a quiz and a child's answers in, a result with feedback out. Pure: no web, no database.
 */
@ApplicationModule(allowedDependencies = { "content" })
package org.safesteps.quiz;

import org.springframework.modulith.ApplicationModule;
