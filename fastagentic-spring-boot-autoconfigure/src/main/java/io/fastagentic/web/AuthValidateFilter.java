package io.fastagentic.web;

import java.io.IOException;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.observation.scope.InScopeObservations;
import io.fastagentic.observation.stream.EventStreamResponse;
import io.fastagentic.web.auth.AgentAuthenticator;
import io.fastagentic.web.auth.AuthObservationContext;
import io.fastagentic.web.auth.AuthObservationConvention;
import io.fastagentic.web.auth.AuthObservationDocumentation;
import io.fastagentic.web.auth.AuthenticationResult;
import io.fastagentic.web.auth.DefaultAuthObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.context.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Authenticates requests for agent endpoints inside an {@code auth.validate} span and
 * answers 401 with {@code WWW-Authenticate} when the authenticator rejects them. The
 * caller's user id goes into baggage for the rest of the request, so the
 * {@code agent.run} span and every log line carry it.
 *
 * @author FastAgentic
 */
public class AuthValidateFilter extends OncePerRequestFilter {

	/**
	 * Request attribute holding the {@link AgentEndpointInfo} of an agent request.
	 */
	public static final String ENDPOINT_ATTRIBUTE = AuthValidateFilter.class.getName() + ".endpoint";

	/**
	 * Request attribute holding the caller's {@link AuthenticationResult}.
	 */
	public static final String CALLER_ATTRIBUTE = AuthValidateFilter.class.getName() + ".caller";

	private static final AuthObservationConvention DEFAULT_CONVENTION = new DefaultAuthObservationConvention();

	private final AgentEndpointRegistry endpoints;

	private final AgentAuthenticator authenticator;

	private final ObservationRegistry registry;

	private final @Nullable AuthObservationConvention convention;

	/**
	 * Create the filter.
	 * @param endpoints the agent endpoints
	 * @param authenticator decides who calls
	 * @param registry where observations are made
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public AuthValidateFilter(AgentEndpointRegistry endpoints, AgentAuthenticator authenticator,
			ObservationRegistry registry, @Nullable AuthObservationConvention convention) {
		this.endpoints = endpoints;
		this.authenticator = authenticator;
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.endpoints.isReady()) {
			// Which requests need a caller is not known yet: turn every one away rather
			// than let an agent request through unauthenticated.
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
					"The application is starting: its agent endpoints are not known yet");
			return;
		}
		AgentEndpointRegistry.Route route = this.endpoints.match(request);
		if (route == null) {
			chain.doFilter(request, response);
			return;
		}
		// The HTTP span is named after the route; a request turned away here never
		// reaches the dispatcher that would otherwise set it.
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(route.pattern().getPatternString()));
		AgentEndpointInfo endpoint = route.endpoint();
		AuthenticationResult caller = authenticate(request, endpoint);
		if (!caller.isAllowed()) {
			if (caller.challenge() != null) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, caller.challenge());
			}
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					(caller.reason() != null) ? caller.reason() : "Authentication failed");
			return;
		}
		request.setAttribute(ENDPOINT_ATTRIBUTE, endpoint);
		request.setAttribute(CALLER_ATTRIBUTE, caller);
		try (Scope userScope = AgentCorrelation.openUser(caller.userId())) {
			// The run counts the server-sent events its response carries.
			chain.doFilter(request, EventStreamResponse.watch(request, response));
		}
	}

	private AuthenticationResult authenticate(HttpServletRequest request, AgentEndpointInfo endpoint) {
		AuthObservationContext context = new AuthObservationContext(request, endpoint);
		return InScopeObservations.observe(AuthObservationDocumentation.AUTH_VALIDATE.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry), () -> {
					AuthenticationResult result = this.authenticator.authenticate(request);
					context.setResult(result);
					return result;
				});
	}

}
