package org.safesteps.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param quickExitUrl the neutral page the quick exit replaces the current page with
 */
@ConfigurationProperties("safesteps.site")
public record SiteProperties(@DefaultValue("https://www.google.com/") String quickExitUrl) {
}
