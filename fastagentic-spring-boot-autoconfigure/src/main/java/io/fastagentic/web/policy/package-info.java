/**
 * Whether an authenticated caller may use an agent endpoint: the
 * {@link io.fastagentic.web.policy.AgentPolicy} SPI, the allow-all default and the
 * {@code policy.check} observation family.
 */
@NullMarked
package io.fastagentic.web.policy;

import org.jspecify.annotations.NullMarked;
