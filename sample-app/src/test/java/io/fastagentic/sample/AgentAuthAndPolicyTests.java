package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.web.auth.AuthenticationResult;
import io.fastagentic.web.policy.AgentPolicy;
import io.fastagentic.web.policy.PolicyDecision;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static io.fastagentic.sample.ExportedSpans.attribute;
import static io.fastagentic.sample.ExportedSpans.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API-key authentication and a user policy in front of the agent endpoints: 401 and 403
 * answers, and the {@code auth.validate} and {@code policy.check} spans that record them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.opentelemetry.tracing.export.schedule-delay=10ms",
				"fastagentic.auth.api-keys=alice:sk-alice-123,bob:sk-bob-456",
				"management.endpoints.web.exposure.include=env,configprops,health",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@AutoConfigureTracing
@Import({ ExportedSpans.Configuration.class, AgentAuthAndPolicyTests.DenyBobPolicy.class })
@ExtendWith(OutputCaptureExtension.class)
class AgentAuthAndPolicyTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private InMemorySpanExporter exporter;

	@BeforeEach
	void forgetEarlierSpans() {
		this.exporter.reset();
	}

	@Test
	void missingKeyIsRejectedWith401AndAChallenge() throws Exception {
		HttpResponse<String> response = chat(Map.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"fastagentic\"");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401").contains("An API key is required");
		List<SpanData> spans = awaitSpans("HTTP POST /chat");
		SpanData http = named(spans, "HTTP POST /chat");
		SpanData auth = named(spans, "auth.validate");
		assertThat(auth.getParentSpanId()).isEqualTo(http.getSpanId());
		assertThat(attribute(http, "status")).isEqualTo("401");
		assertThat(attribute(auth, "auth.method")).isEqualTo("api_key");
		assertThat(attribute(auth, "auth.result")).isEqualTo("rejected");
		assertThat(ExportedSpans.names(spans)).doesNotContain("policy.check", "agent.run /chat");
		assertThat(auth.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
	}

	@Test
	void wrongKeyIsRejectedAsInvalidToken() throws Exception {
		HttpResponse<String> response = chat(Map.of("Authorization", "Bearer sk-nobody"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer realm=\"fastagentic\", error=\"invalid_token\"");
		assertThat(attribute(named(awaitSpans("auth.validate"), "auth.validate"), "auth.result")).isEqualTo("rejected");
	}

	@Test
	void validBearerKeyRunsTheAgentAsItsUser(CapturedOutput output) throws Exception {
		HttpResponse<String> response = chat(Map.of("Authorization", "Bearer sk-alice-123"));
		assertThat(response.statusCode()).isEqualTo(200);
		String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
		List<SpanData> spans = awaitSpans("HTTP POST /chat");
		SpanData auth = named(spans, "auth.validate");
		assertThat(attribute(auth, "auth.method")).isEqualTo("api_key");
		assertThat(attribute(auth, "auth.result")).isEqualTo("authenticated");
		assertThat(attribute(auth, "user_id")).isEqualTo("alice");
		assertThat(attribute(named(spans, "policy.check"), "policy.decision")).isEqualTo("allow");
		assertThat(attribute(named(spans, "agent.run /chat"), "user_id")).isEqualTo("alice");
		assertThat(spans).allSatisfy((span) -> assertThat(span.getAttributes().toString()).doesNotContain("sk-alice"));
		String traceId = named(spans, "agent.run /chat").getTraceId();
		assertThat(output.getOut())
			.containsPattern("\\[trace_id=" + traceId + " span_id=[0-9a-f]{16} run_id=" + runId + " user_id=alice\\] ");
		assertThat(output.getOut()).doesNotContain("sk-alice-123");
	}

	@Test
	void apiKeyHeaderIsAcceptedToo() throws Exception {
		HttpResponse<String> response = chat(Map.of("X-API-Key", "sk-alice-123"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(attribute(named(awaitSpans("auth.validate"), "auth.validate"), "user_id")).isEqualTo("alice");
	}

	@Test
	void deniedUserGets403WithThePolicysReason() throws Exception {
		HttpResponse<String> response = chat(Map.of("Authorization", "Bearer sk-bob-456"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"status\":403").contains("bob has used up his quota");
		List<SpanData> spans = awaitSpans("HTTP POST /chat");
		SpanData http = named(spans, "HTTP POST /chat");
		SpanData policy = named(spans, "policy.check");
		assertThat(policy.getParentSpanId()).isEqualTo(http.getSpanId());
		assertThat(attribute(policy, "policy.name")).isEqualTo("quota");
		assertThat(attribute(policy, "policy.decision")).isEqualTo("deny");
		assertThat(attribute(policy, "policy.reason")).isEqualTo("bob has used up his quota");
		assertThat(policy.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(attribute(http, "status")).isEqualTo("403");
		assertThat(ExportedSpans.names(spans)).doesNotContain("agent.run /chat");
	}

	@Test
	void nonAgentRoutesAreNotAuthenticated() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/checkpoints/run-unknown"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		List<SpanData> spans = awaitSpans("HTTP GET /checkpoints/{runId}");
		assertThat(ExportedSpans.names(spans)).doesNotContain("auth.validate", "policy.check");
	}

	private List<SpanData> awaitSpans(String name) {
		return await().until(this.exporter::getFinishedSpanItems,
				(spans) -> spans.stream().anyMatch((span) -> span.getName().equals(name)));
	}

	@Test
	void actuatorNeverShowsAnApiKeyEvenWithValuesShown() throws Exception {
		for (String endpoint : new String[] { "/actuator/env", "/actuator/configprops" }) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + endpoint)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).as(endpoint)
				.containsAnyOf("api-keys", "apiKeys")
				.doesNotContain("sk-alice-123")
				.doesNotContain("sk-bob-456");
		}
	}

	private HttpResponse<String> chat(Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Who am I?\"}"));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A user policy: bob is over quota.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DenyBobPolicy {

		@Bean
		AgentPolicy quotaPolicy() {
			return new AgentPolicy() {

				@Override
				public String name() {
					return "quota";
				}

				@Override
				public PolicyDecision check(AuthenticationResult caller, AgentEndpointInfo endpoint,
						HttpServletRequest request) {
					return "bob".equals(caller.userId()) ? PolicyDecision.deny("bob has used up his quota")
							: PolicyDecision.allow("within quota");
				}

			};
		}

	}

}
