package io.fastagentic.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.web.auth.AgentAuthenticator;
import io.fastagentic.web.auth.AnonymousAuthenticator;
import io.fastagentic.web.auth.ApiKeyAuthenticator;
import io.fastagentic.web.auth.AuthenticationResult;
import io.fastagentic.web.policy.AgentPolicy;
import io.fastagentic.web.policy.AllowAllPolicy;
import io.fastagentic.web.policy.PolicyDecision;
import io.micrometer.observation.tck.TestObservationRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuthValidateFilter} and {@link PolicyCheckFilter} in front of the
 * agent endpoints that {@link AgentEndpointRegistry} found in Spring MVC's handler
 * mappings.
 */
class AuthAndPolicyFilterTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final EndpointServlet endpoint = new EndpointServlet();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private AnnotationConfigApplicationContext context;

	private AgentEndpointRegistry endpoints;

	@BeforeEach
	void refreshApplicationContext() {
		this.context = new AnnotationConfigApplicationContext();
		this.context.registerBean(RequestMappingHandlerMapping.class);
		this.context.registerBean(AgentController.class);
		this.context.registerBean(AgentEndpointRegistry.class);
		this.context.refresh();
		this.endpoints = this.context.getBean(AgentEndpointRegistry.class);
	}

	@AfterEach
	void closeApplicationContext() {
		this.context.close();
	}

	@Test
	void registryFindsTheAgentEndpointsOfTheHandlerMappings() {
		assertThat(this.endpoints.endpoints()).containsExactlyInAnyOrder(
				new AgentEndpointInfo("/chat", "/chat", "langchain4j", "gpt-4"),
				new AgentEndpointInfo("resume", "/runs/{runId}/resume", "none", "none"));
	}

	@Test
	void routesAreKnownBeforeAnyLifecycleStartsSoBeforeTheWebServerAcceptsARequest() {
		try (AnnotationConfigApplicationContext starting = new AnnotationConfigApplicationContext()) {
			List<AgentEndpointInfo> seenAtStart = new ArrayList<>();
			starting.registerBean(RequestMappingHandlerMapping.class);
			starting.registerBean(AgentController.class);
			starting.registerBean(AgentEndpointRegistry.class);
			starting.registerBean("webServerStand-in", SmartLifecycle.class, () -> new SmartLifecycle() {

				private boolean running;

				@Override
				public void start() {
					seenAtStart.addAll(starting.getBean(AgentEndpointRegistry.class).endpoints());
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

			});
			starting.refresh();
			assertThat(seenAtStart).hasSize(2);
		}
	}

	@Test
	void requestsAreTurnedAwayWhileTheRoutesAreUnknown() throws Exception {
		this.endpoints = new AgentEndpointRegistry();
		perform(new MockHttpServletRequest("POST", "/chat"), new AnonymousAuthenticator(), new AllowAllPolicy());
		assertThat(this.response.getStatus()).isEqualTo(503);
		assertThat(this.response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(this.response.getContentAsString()).contains("agent endpoints are not known yet");
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void anonymousCallerReachesTheEndpointThroughBothChecks() throws Exception {
		perform(new MockHttpServletRequest("POST", "/chat"), new AnonymousAuthenticator(), new AllowAllPolicy());
		assertThat(this.endpoint.calls).isEqualTo(1);
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getContentAsString()).isEqualTo("agent answer");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(2)
			.hasObservationWithNameEqualTo("auth.validate")
			.that()
			.hasContextualNameEqualTo("auth.validate")
			.hasLowCardinalityKeyValue("auth.result", "anonymous")
			.hasLowCardinalityKeyValue("auth.method", "none")
			.hasHighCardinalityKeyValue("user_id", "anonymous")
			.hasBeenStopped()
			.doesNotHaveError()
			.backToTestObservationRegistry()
			.hasObservationWithNameEqualTo("policy.check")
			.that()
			.hasContextualNameEqualTo("policy.check")
			.hasLowCardinalityKeyValue("policy.decision", "allow")
			.hasLowCardinalityKeyValue("policy.name", "allow-all")
			.hasHighCardinalityKeyValue("policy.reason", "no policy restricts agent endpoints")
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void authenticatedCallerIsRecordedByUserAndMethod() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
		request.addHeader("X-API-Key", "k1");
		perform(request, new ApiKeyAuthenticator(Map.of("k1", "alice")), new AllowAllPolicy());
		assertThat(this.endpoint.calls).isEqualTo(1);
		assertThat(this.registry).hasObservationWithNameEqualTo("auth.validate")
			.that()
			.hasLowCardinalityKeyValue("auth.result", "authenticated")
			.hasLowCardinalityKeyValue("auth.method", "api_key")
			.hasHighCardinalityKeyValue("user_id", "alice");
	}

	@Test
	void rejectedCallerGets401ProblemWithChallengeAndNeverReachesPolicyOrEndpoint() throws Exception {
		perform(new MockHttpServletRequest("POST", "/chat"), new ApiKeyAuthenticator(Map.of("k1", "alice")),
				new AllowAllPolicy());
		assertThat(this.endpoint.calls).isZero();
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"fastagentic\"");
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		JSONObject problem = new JSONObject(this.response.getContentAsString());
		assertThat(problem.getInt("status")).isEqualTo(401);
		assertThat(problem.getString("title")).isEqualTo("Unauthorized");
		assertThat(problem.getString("type")).isEqualTo("about:blank");
		assertThat(problem.getString("detail"))
			.isEqualTo("An API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
		assertThat(this.response.getContentAsString()).contains("\"status\":401");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasNumberOfObservationsWithNameEqualTo("policy.check", 0)
			.hasObservationWithNameEqualTo("auth.validate")
			.that()
			.hasLowCardinalityKeyValue("auth.result", "rejected")
			.hasLowCardinalityKeyValue("auth.method", "api_key")
			.hasHighCardinalityKeyValue("user_id", "anonymous")
			.doesNotHaveError();
	}

	@Test
	void rejectionWithoutChallengeOrReasonStillAnswers401() throws Exception {
		AgentAuthenticator authenticator = (request) -> new AuthenticationResult(AuthenticationResult.Outcome.REJECTED,
				"anonymous", "custom", null, null);
		perform(new MockHttpServletRequest("POST", "/chat"), authenticator, new AllowAllPolicy());
		assertThat(this.endpoint.calls).isZero();
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getHeader("WWW-Authenticate")).isNull();
		assertThat(new JSONObject(this.response.getContentAsString()).getString("detail"))
			.isEqualTo("Authentication failed");
	}

	@Test
	void deniedCallerGets403ProblemWithTheEscapedReason() throws Exception {
		String reason = "Only \"support\" agents may chat\nafter hours \\ weekends";
		AgentPolicy policy = new DenyingPolicy(reason);
		perform(new MockHttpServletRequest("POST", "/chat"), new AnonymousAuthenticator(), policy);
		assertThat(this.endpoint.calls).isZero();
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		String body = this.response.getContentAsString();
		assertThat(body).doesNotContain("\n").contains("\"status\":403");
		JSONObject problem = new JSONObject(body);
		assertThat(problem.getInt("status")).isEqualTo(403);
		assertThat(problem.getString("title")).isEqualTo("Forbidden");
		assertThat(problem.getString("detail")).isEqualTo(reason);
		assertThat(this.registry).hasObservationWithNameEqualTo("policy.check")
			.that()
			.hasLowCardinalityKeyValue("policy.decision", "deny")
			.hasLowCardinalityKeyValue("policy.name", "office-hours")
			.hasHighCardinalityKeyValue("policy.reason", reason)
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void policyDecidesOnTheAuthenticatedCallerAndTheEndpoint() throws Exception {
		List<String> seen = new ArrayList<>();
		AgentPolicy policy = new AgentPolicy() {

			@Override
			public String name() {
				return "recording";
			}

			@Override
			public PolicyDecision check(AuthenticationResult caller, AgentEndpointInfo endpoint,
					HttpServletRequest request) {
				seen.add(caller.userId() + " -> " + endpoint.name() + " (" + endpoint.model() + ")");
				return PolicyDecision.allow("fine");
			}

		};
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
		request.addHeader("Authorization", "Bearer k1");
		perform(request, new ApiKeyAuthenticator(Map.of("k1", "alice")), policy);
		assertThat(seen).containsExactly("alice -> /chat (gpt-4)");
		assertThat(this.endpoint.calls).isEqualTo(1);
	}

	@Test
	void routeWithPathVariableIsAnAgentEndpoint() throws Exception {
		perform(new MockHttpServletRequest("POST", "/runs/run-42/resume"), new AnonymousAuthenticator(),
				new AllowAllPolicy());
		assertThat(this.endpoint.calls).isEqualTo(1);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("auth.validate", 1)
			.hasNumberOfObservationsWithNameEqualTo("policy.check", 1);
	}

	@Test
	void agentRouteIsMatchedWithinTheContextPath() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/chat");
		request.setContextPath("/app");
		perform(request, new ApiKeyAuthenticator(Map.of("k1", "alice")), new AllowAllPolicy());
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.endpoint.calls).isZero();
	}

	@Test
	void otherRouteIsNeitherCheckedNorObserved() throws Exception {
		perform(new MockHttpServletRequest("GET", "/other"), new ApiKeyAuthenticator(Map.of("k1", "alice")),
				new DenyingPolicy("never"));
		assertThat(this.endpoint.calls).isEqualTo(1);
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void otherMethodOnAnAgentPathIsNeitherCheckedNorObserved() throws Exception {
		perform(new MockHttpServletRequest("GET", "/chat"), new ApiKeyAuthenticator(Map.of("k1", "alice")),
				new DenyingPolicy("never"));
		assertThat(this.endpoint.calls).isEqualTo(1);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void rejectedRequestKeepsTheRouteForTheHttpSpanName() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/runs/run-42/resume");
		ServerRequestObservationContext httpContext = new ServerRequestObservationContext(request, this.response);
		request.setAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, httpContext);
		perform(request, new ApiKeyAuthenticator(Map.of("k1", "alice")), new AllowAllPolicy());
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(httpContext.getPathPattern()).isEqualTo("/runs/{runId}/resume");
		assertThat(new AgentServerRequestObservationConvention("http.server.requests").getContextualName(httpContext))
			.isEqualTo("HTTP POST /runs/{runId}/resume");
	}

	@Test
	void callerUserIdIsCurrentWhileTheEndpointRuns() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
		request.addHeader("X-API-Key", "k1");
		perform(request, new ApiKeyAuthenticator(Map.of("k1", "alice")), new AllowAllPolicy());
		assertThat(this.endpoint.userIdSeen).isEqualTo("alice");
		assertThat(AgentCorrelation.current()).isNull();
	}

	@Test
	void childContextRefreshKeepsTheAgentEndpointsProtected() throws Exception {
		try (AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext()) {
			child.setParent(this.context);
			child.refresh();
		}
		perform(new MockHttpServletRequest("POST", "/chat"), new ApiKeyAuthenticator(Map.of("k1", "alice")),
				new AllowAllPolicy());
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.endpoint.calls).isZero();
	}

	private void perform(MockHttpServletRequest request, AgentAuthenticator authenticator, AgentPolicy policy)
			throws IOException, ServletException {
		AuthValidateFilter authValidate = new AuthValidateFilter(this.endpoints, authenticator, this.registry, null);
		PolicyCheckFilter policyCheck = new PolicyCheckFilter(policy, this.registry, null);
		new MockFilterChain(this.endpoint, authValidate, policyCheck).doFilter(request, this.response);
	}

	@RestController
	static class AgentController {

		@AgentEndpoint(path = "/chat", adapter = "langchain4j", model = "gpt-4")
		String chat() {
			return "agent answer";
		}

		@AgentEndpoint(path = "/runs/{runId}/resume", name = "resume")
		String resume() {
			return "resumed";
		}

		@GetMapping("/other")
		String other() {
			return "other";
		}

	}

	static class DenyingPolicy implements AgentPolicy {

		private final String reason;

		DenyingPolicy(String reason) {
			this.reason = reason;
		}

		@Override
		public String name() {
			return "office-hours";
		}

		@Override
		public PolicyDecision check(AuthenticationResult caller, AgentEndpointInfo endpoint,
				HttpServletRequest request) {
			return PolicyDecision.deny(this.reason);
		}

	}

	/**
	 * Stands in for the dispatcher servlet: counts the requests that reach it.
	 */
	static class EndpointServlet extends HttpServlet {

		int calls;

		String userIdSeen;

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			this.calls++;
			AgentCorrelation correlation = AgentCorrelation.current();
			this.userIdSeen = (correlation != null) ? correlation.userId() : null;
			response.getWriter().write("agent answer");
		}

	}

}
