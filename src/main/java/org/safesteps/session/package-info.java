/**
 * Keeps signed-in teachers' sessions in MongoDB, so any app instance can serve any request.
 */
package org.safesteps.session;
