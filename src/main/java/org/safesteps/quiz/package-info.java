/**
 * Grades quizzes: a quiz and a child's answers in, a result with feedback out. Pure: no web, no database.
 */
package org.safesteps.quiz;
