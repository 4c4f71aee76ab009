/**
 * Teacher and admin accounts: sign-in, the first admin, and the site's security rules.
 */
@ApplicationModule(allowedDependencies = { "session" })
package org.safesteps.account;

import org.springframework.modulith.ApplicationModule;
