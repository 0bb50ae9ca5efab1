/**
 * Auto-configuration of the correlation side of FastAgentic tracing.
 */
@NullMarked
package io.fastagentic.autoconfigure.correlation;

import org.jspecify.annotations.NullMarked;
