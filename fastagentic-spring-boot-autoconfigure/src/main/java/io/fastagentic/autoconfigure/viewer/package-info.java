/**
 * Auto-configuration of the local trace viewer.
 */
@NullMarked
package io.fastagentic.autoconfigure.viewer;

import org.jspecify.annotations.NullMarked;
