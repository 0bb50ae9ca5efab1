/**
 * What HTTP client spans say of the requests they observe.
 */
@NullMarked
package io.fastagentic.observation.http;

import org.jspecify.annotations.NullMarked;
