/**
 * Auto-configuration of trace context propagation over HTTP and JDBC.
 */
@NullMarked
package io.fastagentic.autoconfigure.propagation;

import org.jspecify.annotations.NullMarked;
