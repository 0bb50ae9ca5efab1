/**
 * Correlated ids ({@code trace_id}, {@code span_id}, {@code run_id}, {@code user_id}) and
 * custom spans.
 */
@NullMarked
package io.fastagentic.correlation;

import org.jspecify.annotations.NullMarked;
