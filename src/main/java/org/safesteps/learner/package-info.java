/**
 * Lets children join a class with a code, or learn on their own, without any personal data, and
 * serves their lessons and quizzes.
 */
package org.safesteps.learner;
