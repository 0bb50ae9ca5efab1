/**
 * The HTTP side of an agent request: the server span's name and keys, the
 * {@code auth.validate} and {@code policy.check} filters with their SPIs, and the paths
 * kept out of tracing.
 */
@NullMarked
package io.fastagentic.web;

import org.jspecify.annotations.NullMarked;
