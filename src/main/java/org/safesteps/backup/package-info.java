/** Backups of the whole database as one file, taken on demand and daily, and restored from the command line. */
package org.safesteps.backup;
