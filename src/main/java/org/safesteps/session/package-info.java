/**
 * Keeps signed-in teachers' sessions in MongoDB, so any app instance can serve any request.
 */
@ApplicationModule(allowedDependencies = { "storage" })
package org.safesteps.session;

import org.springframework.modulith.ApplicationModule;
