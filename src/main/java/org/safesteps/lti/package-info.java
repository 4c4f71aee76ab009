/**
 * LTI 1.3 (LTI Advantage): lets a school's learning platform (Moodle, Canvas...) launch SafeSteps,
 * teachers into their linked class and children anonymously into its lessons, and (if the school
 * turns it on) sends quiz scores to the platform's gradebook.
 */
@ApplicationModule(allowedDependencies = { "account", "classroom", "content", "guidance", "learner", "progress", "session", "storage" })
package org.safesteps.lti;

import org.springframework.modulith.ApplicationModule;
