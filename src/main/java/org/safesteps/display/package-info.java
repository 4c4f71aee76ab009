/**
 * Reading and display options a device remembers in a cookie (larger text, an easier-to-read font,
 * high contrast, less movement, read-aloud), applied to every page without an account.
 */
@ApplicationModule(allowedDependencies = { "content", "theme" })
package org.safesteps.display;

import org.springframework.modulith.ApplicationModule;
