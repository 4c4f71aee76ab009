/**
 * Teachers run their classes: join codes, assignments, progress reports, parent letters, posters
 * and a preview of every lesson and quiz.
 */
package org.safesteps.teacher;
