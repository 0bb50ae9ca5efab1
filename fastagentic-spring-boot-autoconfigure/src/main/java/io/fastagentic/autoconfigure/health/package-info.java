/**
 * Auto-configuration of the trace export health indicator.
 */
@NullMarked
package io.fastagentic.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
