/**
 * Auto-configuration of the web side of FastAgentic tracing.
 */
@NullMarked
package io.fastagentic.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
