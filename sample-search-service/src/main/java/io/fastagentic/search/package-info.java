/**
 * The sample agent's web-search tool as an HTTP service of its own, traced by the
 * FastAgentic starter, so that an agent run spans two services.
 */
@NullMarked
package io.fastagentic.search;

import org.jspecify.annotations.NullMarked;
