/** Tests of how the running server stops: graceful shutdown lets in-flight requests finish. */
package org.safesteps.shutdown;
