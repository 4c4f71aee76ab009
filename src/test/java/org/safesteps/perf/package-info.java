/**
 * JMH micro-benchmarks of the hot paths (lesson step rendering, quiz grading, class report). Named
 * {@code *Benchmark}, so the test suite never runs them; the command is in docs/performance.md.
 */
package org.safesteps.perf;
