/**
 * Teacher and admin accounts: sign-in, the first admin, and the site's security rules.
 */
package org.safesteps.account;
