package org.safesteps.learner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The rendered lesson steps kept in memory ({@link RenderedSteps}).
 *
 * @param maxSize a bound on the memory they take: six modules in four bands, three languages and
 *        a few countries and display options are a few thousand pages of 5 to 15 kB; the least
 *        used go first when it is full
 */
@ConfigurationProperties("safesteps.rendered-steps")
record RenderedStepsProperties(@DefaultValue("32MB") DataSize maxSize) {
}
