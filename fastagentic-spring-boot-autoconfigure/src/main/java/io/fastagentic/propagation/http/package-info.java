/**
 * Trace context on HTTP: the formats accepted and written, baggage only to allowed hosts,
 * and untrusted edges.
 */
@NullMarked
package io.fastagentic.propagation.http;

import org.jspecify.annotations.NullMarked;
