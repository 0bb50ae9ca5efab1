/**
 * Sampling: the ratio, and the rules that keep whole traces of failed or slow requests.
 */
@NullMarked
package io.fastagentic.sampling;

import org.jspecify.annotations.NullMarked;
