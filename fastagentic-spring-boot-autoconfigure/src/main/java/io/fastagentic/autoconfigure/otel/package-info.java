/**
 * Auto-configuration of FastAgentic tracing on Spring Boot's OpenTelemetry support, and
 * the mapping of the documented environment variables.
 */
@NullMarked
package io.fastagentic.autoconfigure.otel;

import org.jspecify.annotations.NullMarked;
