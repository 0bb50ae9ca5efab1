package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.openai.errors.InternalServerException;
import io.fastagentic.springai.SpringAiChatModelObservationConvention;
import io.fastagentic.springai.SpringAiObservationAdapter;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static io.fastagentic.sample.ExportedSpans.attribute;
import static io.fastagentic.sample.ExportedSpans.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations of agent work seen from outside: a user convention, a failing LLM call,
 * token and cost metrics, and Prometheus exemplars that link the metrics to traces.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.opentelemetry.tracing.export.schedule-delay=10ms",
				"management.endpoints.web.exposure.include=health,prometheus",
				"management.prometheus.metrics.export.enabled=true" })
@AutoConfigureTracing
@AutoConfigureMetrics
@Import({ ExportedSpans.Configuration.class, AgentObservationsTests.TenantConvention.class })
class AgentObservationsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ExportedSpans spans;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void userConventionRenamesTheSpanAndAddsAKey() throws Exception {
		HttpResponse<String> response = chat("Which tenant am I?");
		List<SpanData> trace = this.spans.awaitTrace(traceId(response), "HTTP POST /chat");
		List<SpanData> llmCalls = trace.stream().filter((span) -> span.getName().equals("chat gpt-4o-mini")).toList();
		assertThat(llmCalls).hasSize(2).allSatisfy((llm) -> {
			assertThat(attribute(llm, "tenant")).isEqualTo("acme");
			assertThat(attribute(llm, "model")).isEqualTo("gpt-4o-mini");
		});
	}

	@Test
	void failingLlmCallIsAnErrorOnTheCallAndTheRun() throws Exception {
		HttpResponse<String> response = chat("Please [fail] now");
		assertThat(response.statusCode()).isEqualTo(502);
		List<SpanData> trace = this.spans.awaitTrace(traceId(response), "HTTP POST /chat");
		// The tool round succeeds; the provider fails the answer.
		List<SpanData> llmCalls = trace.stream().filter((span) -> span.getName().equals("chat gpt-4o-mini")).toList();
		assertThat(llmCalls).hasSize(2);
		assertThat(llmCalls.get(0).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		SpanData llm = llmCalls.get(1);
		assertThat(llm.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(llm, "error.type")).isEqualTo(InternalServerException.class.getName());
		assertThat(llm.getEvents()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
		assertThat(attribute(llm, "tokens.prompt")).isNull();
		assertThat(attribute(llm, "cost")).isNull();
		SpanData run = named(trace, "agent.run /chat");
		assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(this.meterRegistry.get("llm.call")
			.tag("error", InternalServerException.class.getSimpleName())
			.timer()
			.count()).isPositive();
	}

	@Test
	void tokensAndCostAreCountedWithLowCardinalityTags() throws Exception {
		double promptBefore = tokens("prompt");
		double costBefore = cost();
		HttpResponse<String> response = chat("Count my tokens");
		assertThat(response.statusCode()).isEqualTo(200);
		long promptTokens = Long.parseLong(response.body().replaceAll(".*\"prompt_tokens\":(\\d+).*", "$1"));
		this.spans.awaitTrace(traceId(response), "HTTP POST /chat");
		// The answer's usage is the run's: both LLM calls, each counted once.
		assertThat(tokens("prompt") - promptBefore).isEqualTo(promptTokens);
		assertThat(cost()).isGreaterThan(costBefore);
		assertThat(this.meterRegistry.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.request.model", "gpt-4o-mini")
			.counter()
			.count()).isGreaterThanOrEqualTo(promptTokens);
		assertThat(this.meterRegistry.getMeters()).flatMap((meter) -> meter.getId().getTags())
			.noneSatisfy((tag) -> assertThat(tag.getKey()).isIn("run_id", "user_id", "trace_id", "span_id"));
	}

	@Test
	void prometheusExemplarsLinkMetricsToTheTrace() throws Exception {
		HttpResponse<String> response = chat("Link my metrics to my trace");
		String traceId = traceId(response);
		this.spans.awaitTrace(traceId, "HTTP POST /chat");
		HttpResponse<String> scrape = this.http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		// Exemplars are sampled, not the latest: each names a trace this application
		// exported, so a metric leads to a real trace.
		List<String> exemplarTraceIds = scrape.body()
			.lines()
			.filter((line) -> line.startsWith("fastagentic_llm_tokens_total")
					|| line.startsWith("llm_call_seconds_count"))
			.map((line) -> line.replaceAll(".*# \\{.*trace_id=\"([0-9a-f]{32})\".*", "$1"))
			.toList();
		assertThat(exemplarTraceIds).isNotEmpty()
			.allSatisfy((exemplarTraceId) -> assertThat(this.spans.trace(exemplarTraceId)).isNotEmpty());
	}

	private double tokens(String type) {
		Meter meter = this.meterRegistry.find("fastagentic.llm.tokens").tag("type", type).counter();
		return (meter != null) ? this.meterRegistry.get("fastagentic.llm.tokens").tag("type", type).counter().count()
				: 0;
	}

	private double cost() {
		return (this.meterRegistry.find("fastagentic.llm.cost").counter() != null)
				? this.meterRegistry.get("fastagentic.llm.cost").counter().count() : 0;
	}

	private HttpResponse<String> chat(String message) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String traceId(HttpResponse<?> response) {
		return response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
	}

	/**
	 * A user convention for Spring AI's chat model observation: FastAgentic's, with its
	 * own span name and a tenant key.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class TenantConvention {

		@Bean
		ChatModelObservationConvention tenantChatModelObservationConvention(SpringAiObservationAdapter adapter) {
			return new SpringAiChatModelObservationConvention(adapter) {

				@Override
				public String getContextualName(ChatModelObservationContext context) {
					ChatOptions options = context.getRequest().getOptions();
					return "chat " + ((options != null) ? options.getModel() : "unknown");
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(ChatModelObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
				}

			};
		}

	}

}
