/**
 * The site's front door, error pages, security headers and what every page shares.
 */
package org.safesteps.web;
