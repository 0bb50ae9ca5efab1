/**
 * Counting what happens to spans on their way to the collector.
 */
@NullMarked
package io.fastagentic.export;

import org.jspecify.annotations.NullMarked;
