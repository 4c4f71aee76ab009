/** Backups of the whole database as one file, taken on demand and daily, and restored from the command line. */
@ApplicationModule(allowedDependencies = { "account", "storage" })
package org.safesteps.backup;

import org.springframework.modulith.ApplicationModule;
