/**
 * Classes, their join codes and the modules assigned to them.
 */
@ApplicationModule(allowedDependencies = { "content" })
package org.safesteps.classroom;

import org.springframework.modulith.ApplicationModule;
