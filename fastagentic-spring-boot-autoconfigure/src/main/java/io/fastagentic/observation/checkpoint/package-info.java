/**
 * The {@code checkpoint.write} observation: documentation, context, convention.
 */
@NullMarked
package io.fastagentic.observation.checkpoint;

import org.jspecify.annotations.NullMarked;
