/** Reads, checks and renders the curriculum in content/. */
package org.safesteps.content;
