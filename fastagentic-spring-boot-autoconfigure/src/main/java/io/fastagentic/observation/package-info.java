/**
 * Observations of the work of an agent run, and the opt-in capture of their content.
 */
@NullMarked
package io.fastagentic.observation;

import org.jspecify.annotations.NullMarked;
