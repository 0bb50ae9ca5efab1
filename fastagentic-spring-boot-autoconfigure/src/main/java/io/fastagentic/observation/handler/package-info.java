/**
 * What FastAgentic does with the observations of agent work, whichever code made them
 * (its own API or a framework through an
 * {@link io.fastagentic.observation.handler.ObservationAdapter}): span kinds, typed
 * attributes and tool durations, token and cost metrics, the run's totals and the opt-in
 * content capture.
 */
@NullMarked
package io.fastagentic.observation.handler;

import org.jspecify.annotations.NullMarked;
