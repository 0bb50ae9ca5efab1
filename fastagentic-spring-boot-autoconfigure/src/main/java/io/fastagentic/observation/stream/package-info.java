/**
 * The {@code stream.emit} observation: documentation, context, convention.
 */
@NullMarked
package io.fastagentic.observation.stream;

import org.jspecify.annotations.NullMarked;
