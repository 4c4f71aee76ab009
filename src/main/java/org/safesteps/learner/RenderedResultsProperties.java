package org.safesteps.learner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The pieces of quiz result pages kept in memory ({@link RenderedResults}).
 *
 * @param maxSize a bound on the memory they take, half for the pages around the results (10-20 kB
 *        each, one per page key and score) and half for the questions' results (1-2 kB each, one
 *        per page key and answer shown); the least used go first when it is full
 */
@ConfigurationProperties("safesteps.rendered-results")
record RenderedResultsProperties(@DefaultValue("16MB") DataSize maxSize) {
}
