/**
 * Auto-configuration of the Spring AI adapter.
 */
@NullMarked
package io.fastagentic.autoconfigure.springai;

import org.jspecify.annotations.NullMarked;
