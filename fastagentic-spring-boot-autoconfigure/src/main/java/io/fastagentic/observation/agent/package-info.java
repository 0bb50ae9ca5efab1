/**
 * The {@code agent.run} observation of {@code @AgentEndpoint} methods.
 */
@NullMarked
package io.fastagentic.observation.agent;

import org.jspecify.annotations.NullMarked;
