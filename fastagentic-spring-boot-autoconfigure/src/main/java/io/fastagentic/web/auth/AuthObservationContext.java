package io.fastagentic.web.auth;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Context of an {@code auth.validate} observation.
 *
 * @author FastAgentic
 */
public class AuthObservationContext extends Observation.Context {

	private final HttpServletRequest request;

	private final AgentEndpointInfo endpoint;

	private @Nullable AuthenticationResult result;

	/**
	 * Create a context.
	 * @param request the request being authenticated
	 * @param endpoint the endpoint it is for
	 */
	public AuthObservationContext(HttpServletRequest request, AgentEndpointInfo endpoint) {
		this.request = request;
		this.endpoint = endpoint;
	}

	/**
	 * The request being authenticated.
	 * @return the request
	 */
	public HttpServletRequest getRequest() {
		return this.request;
	}

	/**
	 * The endpoint the request is for.
	 * @return the endpoint
	 */
	public AgentEndpointInfo getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The outcome, once known.
	 * @return the outcome or {@code null}
	 */
	public @Nullable AuthenticationResult getResult() {
		return this.result;
	}

	/**
	 * Record what the authenticator decided; the filter does so before the observation
	 * stops.
	 * @param result the outcome
	 */
	public void setResult(AuthenticationResult result) {
		this.result = result;
	}

}
