/** Reads, checks and renders the curriculum in content/. */
@ApplicationModule(allowedDependencies = {})
package org.safesteps.content;

import org.springframework.modulith.ApplicationModule;
