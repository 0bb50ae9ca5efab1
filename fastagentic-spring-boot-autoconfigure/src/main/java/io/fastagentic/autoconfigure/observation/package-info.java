/**
 * Auto-configuration of the observations of agent work.
 */
@NullMarked
package io.fastagentic.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
