/**
 * Age-band themes: picks the theme of each request and resolves its templates, theme first, then base.
 */
@ApplicationModule(allowedDependencies = { "content" })
package org.safesteps.theme;

import org.springframework.modulith.ApplicationModule;
