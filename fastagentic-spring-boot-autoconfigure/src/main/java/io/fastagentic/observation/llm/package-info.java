/**
 * The {@code llm.call} observation: documentation, context, convention.
 */
@NullMarked
package io.fastagentic.observation.llm;

import org.jspecify.annotations.NullMarked;
