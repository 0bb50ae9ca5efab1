package io.fastagentic.web;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExcludedPathsObservationPredicate}: requests for excluded paths, and
 * whatever is observed while serving them, are not traced.
 */
class ExcludedPathsObservationPredicateTests {

	private final ExcludedPathsObservationPredicate predicate = new ExcludedPathsObservationPredicate(
			List.of("/actuator/**"));

	@AfterEach
	void resetRequestContext() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void excludedPathIsRejected() {
		assertThat(this.predicate.test("http.server.requests", serverContext(request("/actuator/health")))).isFalse();
		assertThat(this.predicate.test("http.server.requests", serverContext(request("/actuator")))).isFalse();
		assertThat(this.predicate.test("http.server.requests", serverContext(request("/actuator/health/liveness"))))
			.isFalse();
	}

	@Test
	void otherPathIsAccepted() {
		assertThat(this.predicate.test("http.server.requests", serverContext(request("/chat")))).isTrue();
		assertThat(this.predicate.test("http.server.requests", serverContext(request("/actuators")))).isTrue();
		assertThat(this.predicate.test("http.server.requests", serverContext(request("/api/actuator/health"))))
			.isTrue();
	}

	@Test
	void patternsAreRelativeToTheContextPath() {
		MockHttpServletRequest health = request("/app/actuator/health");
		health.setContextPath("/app");
		assertThat(this.predicate.test("http.server.requests", serverContext(health))).isFalse();
		MockHttpServletRequest chat = request("/app/chat");
		chat.setContextPath("/app");
		assertThat(this.predicate.test("http.server.requests", serverContext(chat))).isTrue();
	}

	@Test
	void observationsMadeWhileServingAnExcludedRequestAreRejected() {
		MockHttpServletRequest health = request("/actuator/health");
		assertThat(this.predicate.test("http.server.requests", serverContext(health))).isFalse();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(health));
		assertThat(this.predicate.test("jdbc.query", new Observation.Context())).isFalse();
	}

	@Test
	void observationsMadeWhileServingAnotherRequestAreAccepted() {
		MockHttpServletRequest chat = request("/chat");
		assertThat(this.predicate.test("http.server.requests", serverContext(chat))).isTrue();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(chat));
		assertThat(this.predicate.test("agent.run", new Observation.Context())).isTrue();
	}

	@Test
	void observationsOutsideAnyRequestAreAccepted() {
		assertThat(this.predicate.test("scheduled.task", new Observation.Context())).isTrue();
	}

	@Test
	void noPatternsExcludeNothing() {
		ExcludedPathsObservationPredicate none = new ExcludedPathsObservationPredicate(List.of());
		assertThat(none.test("http.server.requests", serverContext(request("/actuator/health")))).isTrue();
	}

	@Test
	void registeredOnARegistryItSilencesTheExcludedRequestAndItsChildren() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate(this.predicate);
		MockHttpServletRequest health = request("/actuator/health");
		ServerRequestObservationContext healthContext = serverContext(health);
		Observation.createNotStarted("http.server.requests", () -> healthContext, registry).observe(() -> {
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(health));
			Observation.createNotStarted("jdbc.query", registry).observe(() -> {
			});
		});
		RequestContextHolder.resetRequestAttributes();
		assertThat(registry).doesNotHaveAnyObservation();
		MockHttpServletRequest chat = request("/chat");
		ServerRequestObservationContext chatContext = serverContext(chat);
		Observation.createNotStarted("http.server.requests", () -> chatContext, registry).observe(() -> {
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(chat));
			Observation.createNotStarted("agent.run", registry).observe(() -> {
			});
		});
		assertThat(registry).hasNumberOfObservationsEqualTo(2)
			.hasNumberOfObservationsWithNameEqualTo("http.server.requests", 1)
			.hasNumberOfObservationsWithNameEqualTo("agent.run", 1);
	}

	private static MockHttpServletRequest request(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

	private static ServerRequestObservationContext serverContext(MockHttpServletRequest request) {
		return new ServerRequestObservationContext(request, new MockHttpServletResponse());
	}

}
