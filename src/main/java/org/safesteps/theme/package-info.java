/**
 * Age-band themes: picks the theme of each request and resolves its templates, theme first, then base.
 */
package org.safesteps.theme;
