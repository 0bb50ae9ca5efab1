/**
 * Auto-configuration of rule-based sampling.
 */
@NullMarked
package io.fastagentic.autoconfigure.sampling;

import org.jspecify.annotations.NullMarked;
