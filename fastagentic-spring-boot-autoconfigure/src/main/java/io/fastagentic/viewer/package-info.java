/**
 * The local trace viewer: recent traces kept in memory and served, with a page, on the
 * {@code traces} actuator endpoint.
 */
@NullMarked
package io.fastagentic.viewer;

import org.jspecify.annotations.NullMarked;
