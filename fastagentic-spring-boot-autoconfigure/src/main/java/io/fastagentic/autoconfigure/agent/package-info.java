/**
 * Auto-configuration of the agent side of FastAgentic tracing.
 */
@NullMarked
package io.fastagentic.autoconfigure.agent;

import org.jspecify.annotations.NullMarked;
