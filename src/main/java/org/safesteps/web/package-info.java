/**
 * The site's front door, error pages, security headers and what every page shares.
 */
@ApplicationModule(allowedDependencies = { "guidance", "storage", "theme" })
package org.safesteps.web;

import org.springframework.modulith.ApplicationModule;
