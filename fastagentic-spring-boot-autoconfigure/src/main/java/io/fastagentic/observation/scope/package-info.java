/**
 * How FastAgentic runs work inside its observations.
 */
@NullMarked
package io.fastagentic.observation.scope;

import org.jspecify.annotations.NullMarked;
