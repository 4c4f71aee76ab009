/**
 * Parents' guidance pages, the help and reporting router by country, and the privacy pages.
 */
package org.safesteps.guidance;
