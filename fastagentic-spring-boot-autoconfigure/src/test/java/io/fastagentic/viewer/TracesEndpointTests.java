package io.fastagentic.viewer;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static io.fastagentic.viewer.ViewerSpans.child;
import static io.fastagentic.viewer.ViewerSpans.root;
import static io.fastagentic.viewer.ViewerSpans.span;
import static io.fastagentic.viewer.ViewerSpans.traceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TracesEndpoint}.
 */
class TracesEndpointTests {

	private final RecentTraces recentTraces = new RecentTraces();

	@Test
	void listsTracesFilteredByTheQueryParameters() {
		this.recentTraces.export(List.of(span(1, 1, null, "HTTP POST /chat", 0, 10, StatusData.unset(),
				Attributes.of(AttributeKey.stringKey("run_id"), "run-a"))));
		this.recentTraces.export(List.of(span(2, 1, null, "HTTP POST /chat", 20, 30, StatusData.error(),
				Attributes.of(AttributeKey.stringKey("run_id"), "run-b"))));
		TracesEndpoint endpoint = new TracesEndpoint(this.recentTraces, null);
		assertThat(endpoint.traces(null, null, null, null, null, null, null, null).traces()).hasSize(2);
		assertThat(endpoint.traces("run-a", null, null, null, null, null, null, null).traces())
			.extracting(TraceSummary::traceId)
			.containsExactly(traceId(1));
		assertThat(endpoint.traces(null, traceId(2), null, null, null, null, null, null).traces())
			.extracting(TraceSummary::traceId)
			.containsExactly(traceId(2));
		assertThat(endpoint.traces(null, null, TraceStatus.ERROR, null, null, null, null, null).traces())
			.extracting(TraceSummary::traceId)
			.containsExactly(traceId(2));
	}

	@Test
	void listsTracesFilteredByEndpointModelDurationCostAndText() {
		Attributes run = Attributes.builder()
			.put("gen_ai.operation.name", "invoke_agent")
			.put("endpoint", "/chat")
			.put("model", "gpt-4o")
			.put("llm.calls", 1L)
			.put("cost", 0.5)
			.build();
		this.recentTraces.export(List.of(span(1, 1, null, "agent.run /chat", 0, 2_000_000, StatusData.unset(), run)));
		this.recentTraces.export(List.of(root(2, 1, "HTTP GET /health", 0, 10)));
		TracesEndpoint endpoint = new TracesEndpoint(this.recentTraces, null);
		assertThat(
				endpoint.traces(null, null, TraceStatus.OK, "/chat", "gpt-4o", Duration.ofMillis(2), 0.5, "AGENT.RUN")
					.traces())
			.extracting(TraceSummary::traceId)
			.containsExactly(traceId(1));
		assertThat(endpoint.traces(null, null, null, null, null, null, 0.6, null).traces()).isEmpty();
	}

	@Test
	void traceIsServedAsJsonWithAJaegerLinkWhenConfigured() {
		this.recentTraces
			.export(List.of(child(1, 2, 1, "agent.run /chat", 10, 90), root(1, 1, "HTTP POST /chat", 0, 100)));
		WebEndpointResponse<Object> response = new TracesEndpoint(this.recentTraces, "http://localhost:16686/")
			.trace(traceId(1));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).hasToString("application/json");
		assertThat(response.getBody()).isInstanceOfSatisfying(TracesEndpoint.TraceDescriptor.class, (trace) -> {
			assertThat(trace.summary().rootName()).isEqualTo("HTTP POST /chat");
			assertThat(trace.spans()).extracting(RecordedSpan::name)
				.containsExactly("HTTP POST /chat", "agent.run /chat");
			assertThat(trace.jaegerUrl()).isEqualTo("http://localhost:16686/trace/" + traceId(1));
		});
	}

	@Test
	void traceHasNoJaegerLinkByDefault() {
		this.recentTraces.export(List.of(root(1, 1, "HTTP POST /chat", 0, 100)));
		assertThat(new TracesEndpoint(this.recentTraces, null).trace(traceId(1)).getBody()).isInstanceOfSatisfying(
				TracesEndpoint.TraceDescriptor.class, (trace) -> assertThat(trace.jaegerUrl()).isNull());
	}

	@Test
	void unknownTraceIsNotFound() {
		WebEndpointResponse<Object> response = new TracesEndpoint(this.recentTraces, null).trace(traceId(7));
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getBody()).isNull();
	}

	@Test
	void pageIsSelfContainedHtml() {
		WebEndpointResponse<Object> response = new TracesEndpoint(this.recentTraces, null).trace(TracesEndpoint.PAGE);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).hasToString("text/html;charset=UTF-8");
		assertThat(response.getBody()).isInstanceOfSatisfying(String.class, (html) -> {
			assertThat(html).startsWith("<!DOCTYPE html>").contains("<script>").contains("<style>");
			assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=")
				.doesNotContainPattern("(?i)<link[^>]+href=\"(?!data:)");
			assertThat(html).doesNotContain("http://", "https://", "//cdn");
		});
	}

	@Test
	void rejectsAJaegerUrlThatIsNotHttp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TracesEndpoint(this.recentTraces, "javascript:alert(1)"))
			.withMessageContaining("http or https");
	}

}
