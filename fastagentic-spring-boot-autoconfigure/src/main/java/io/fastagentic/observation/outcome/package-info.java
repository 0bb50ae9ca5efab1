/**
 * Which failures are the service's, and which are the client's.
 */
@NullMarked
package io.fastagentic.observation.outcome;

import org.jspecify.annotations.NullMarked;
