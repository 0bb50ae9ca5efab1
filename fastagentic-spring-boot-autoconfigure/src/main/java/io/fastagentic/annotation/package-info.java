/**
 * Annotations that mark agent code for tracing.
 */
@NullMarked
package io.fastagentic.annotation;

import org.jspecify.annotations.NullMarked;
