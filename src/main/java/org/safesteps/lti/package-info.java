/**
 * LTI 1.3 (LTI Advantage): lets a school's learning platform (Moodle, Canvas...) launch SafeSteps,
 * teachers into their linked class and children anonymously into its lessons.
 */
package org.safesteps.lti;
