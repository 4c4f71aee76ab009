/**
 * Parents' guidance pages, the help and reporting router by country, and the privacy pages.
 */
@ApplicationModule(allowedDependencies = { "content", "theme" })
package org.safesteps.guidance;

import org.springframework.modulith.ApplicationModule;
