/**
 * LTI 1.3 (LTI Advantage): lets a school's learning platform (Moodle, Canvas...) launch SafeSteps,
 * teachers into their linked class and children anonymously into its lessons.
 */
@ApplicationModule(allowedDependencies = { "account", "classroom", "content", "guidance", "learner", "session" })
package org.safesteps.lti;

import org.springframework.modulith.ApplicationModule;
