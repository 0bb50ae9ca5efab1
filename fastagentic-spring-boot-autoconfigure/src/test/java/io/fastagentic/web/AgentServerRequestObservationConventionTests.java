package io.fastagentic.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentServerRequestObservationConvention}: the HTTP span is named after
 * the route and carries the OpenTelemetry semantic-convention keys, while the metric
 * keeps Spring's tags.
 */
class AgentServerRequestObservationConventionTests {

	private final AgentServerRequestObservationConvention convention = new AgentServerRequestObservationConvention(
			"http.server.requests");

	@Test
	void metricNameIsTheConfiguredOne() {
		assertThat(this.convention.getName()).isEqualTo("http.server.requests");
		assertThat(new AgentServerRequestObservationConvention("agent.http.requests").getName())
			.isEqualTo("agent.http.requests");
	}

	@Test
	void spanIsNamedAfterTheMethodAndTheRoute() {
		ServerRequestObservationContext context = context("POST", "/chat", 200);
		context.setPathPattern("/chat");
		assertThat(this.convention.getContextualName(context)).isEqualTo("HTTP POST /chat");
	}

	@Test
	void spanNameUsesTheRouteTemplateNotTheRawPath() {
		ServerRequestObservationContext context = context("GET", "/checkpoints/run-1", 200);
		context.setPathPattern("/checkpoints/{runId}");
		assertThat(this.convention.getContextualName(context)).isEqualTo("HTTP GET /checkpoints/{runId}");
	}

	@Test
	void spanWithoutRouteIsNamedAfterTheMethodOnly() {
		assertThat(this.convention.getContextualName(context("POST", "/nowhere", 404))).isEqualTo("HTTP POST");
	}

	@Test
	void methodIsUpperCasedInTheSpanName() {
		ServerRequestObservationContext context = context("post", "/chat", 200);
		context.setPathPattern("/chat");
		assertThat(this.convention.getContextualName(context)).isEqualTo("HTTP POST /chat");
	}

	@Test
	void routedRequestCarriesRouteAndRawPathOnTheSpan() {
		ServerRequestObservationContext context = context("GET", "/checkpoints/run-1", 200);
		context.setPathPattern("/checkpoints/{runId}");
		KeyValues keyValues = this.convention.getHighCardinalityKeyValues(context);
		assertThat(keyValues).contains(KeyValue.of("path", "/checkpoints/{runId}"),
				KeyValue.of("http.request.method", "GET"), KeyValue.of("http.route", "/checkpoints/{runId}"),
				KeyValue.of("url.path", "/checkpoints/run-1"), KeyValue.of("http.response.status_code", "200"));
	}

	@Test
	void unroutedRequestRecordsTheRawPathAndNoRoute() {
		ServerRequestObservationContext context = context("DELETE", "/nowhere/42", 404);
		KeyValues keyValues = this.convention.getHighCardinalityKeyValues(context);
		assertThat(keyValues).contains(KeyValue.of("path", "/nowhere/42"), KeyValue.of("url.path", "/nowhere/42"),
				KeyValue.of("http.request.method", "DELETE"), KeyValue.of("http.response.status_code", "404"));
		assertThat(keyValues.stream().map(KeyValue::getKey)).doesNotContain("http.route");
	}

	@Test
	void springsHighCardinalityKeysAreKept() {
		ServerRequestObservationContext context = context("POST", "/chat", 200);
		context.setPathPattern("/chat");
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.containsAll(new DefaultServerRequestObservationConvention().getHighCardinalityKeyValues(context));
	}

	@Test
	void lowCardinalityKeyValuesAreSpringsUnchanged() {
		ServerRequestObservationContext routed = context("POST", "/chat", 201);
		routed.setPathPattern("/chat");
		assertLowCardinalityUnchanged(routed);
		ServerRequestObservationContext failed = context("POST", "/chat", 500);
		failed.setPathPattern("/chat");
		failed.setError(new IllegalStateException("model unavailable"));
		assertLowCardinalityUnchanged(failed);
		assertLowCardinalityUnchanged(context("GET", "/nowhere", 404));
		assertThat(this.convention.getLowCardinalityKeyValues(failed)).containsExactlyInAnyOrder(
				KeyValue.of("method", "POST"), KeyValue.of("uri", "/chat"), KeyValue.of("status", "500"),
				KeyValue.of("outcome", "SERVER_ERROR"), KeyValue.of("exception", "IllegalStateException"));
	}

	private void assertLowCardinalityUnchanged(ServerRequestObservationContext context) {
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyElementsOf(
				new DefaultServerRequestObservationConvention().getLowCardinalityKeyValues(context));
	}

	private static ServerRequestObservationContext context(String method, String uri, int status) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(status);
		return new ServerRequestObservationContext(request, response);
	}

}
