/**
 * Actuator health of the trace export.
 */
@NullMarked
package io.fastagentic.health;

import org.jspecify.annotations.NullMarked;
