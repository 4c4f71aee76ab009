/**
 * Classes, their join codes and the modules assigned to them.
 */
package org.safesteps.classroom;
