package io.fastagentic.observation.agent;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.micrometer.observation.Observation;

/**
 * Context of an {@code agent.run} observation.
 *
 * @author FastAgentic
 */
public class AgentRunObservationContext extends Observation.Context {

	private final AgentEndpointInfo endpoint;

	private final String runId;

	private final String userId;

	/**
	 * Create a context.
	 * @param endpoint the endpoint called
	 * @param runId the id of this run
	 * @param userId the authenticated user, or {@code anonymous}
	 */
	public AgentRunObservationContext(AgentEndpointInfo endpoint, String runId, String userId) {
		this.endpoint = endpoint;
		this.runId = runId;
		this.userId = userId;
	}

	/**
	 * The endpoint called.
	 * @return the endpoint
	 */
	public AgentEndpointInfo getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The id of this run.
	 * @return the run id
	 */
	public String getRunId() {
		return this.runId;
	}

	/**
	 * The authenticated user.
	 * @return the user id, or {@code anonymous}
	 */
	public String getUserId() {
		return this.userId;
	}

}
