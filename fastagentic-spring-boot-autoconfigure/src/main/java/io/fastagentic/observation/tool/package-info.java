/**
 * The {@code tool.call} observation: documentation, context, convention.
 */
@NullMarked
package io.fastagentic.observation.tool;

import org.jspecify.annotations.NullMarked;
