package io.fastagentic.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fastagentic.export.InProcessSpanExporter;
import io.fastagentic.viewer.RecentTraces;
import io.fastagentic.viewer.RecordedSpan;
import io.fastagentic.viewer.RecordedTrace;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample application started as a user starts it, exporting over OTLP/HTTP to a test
 * receiver: what arrives on the wire, what happens when the collector is dead, and what
 * happens on shutdown.
 */
@ExtendWith(OutputCaptureExtension.class)
class OtlpExportTests {

	private final SampleApps apps = new SampleApps(false);

	private OtlpReceiver receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = OtlpReceiver.start();
	}

	@AfterEach
	void stop() {
		this.apps.close();
		this.receiver.close();
	}

	@Test
	void requestSpanArrivesWithServiceNameVersionAndConfiguredHeaders() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=" + this.receiver.endpoint(),
				"--fastagentic.otel.headers.x-honeycomb-team=test-team-key");
		assertThat(chat(context).statusCode()).isEqualTo(200);
		OtlpReceiver.ReceivedSpan server = this.receiver.awaitSpan(
				(span) -> span.span().getKind() == SpanKind.SPAN_KIND_SERVER && "/chat".equals(span.attribute("uri")));
		assertThat(server.resourceAttribute("service.name")).isEqualTo("fastagentic-sample-agent");
		assertThat(server.resourceAttribute("service.version")).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(server.attribute("method")).isEqualTo("POST");
		assertThat(server.attribute("status")).isEqualTo("200");
		// Numbers travel as OTLP integers.
		assertThat(server.span().getAttributesList())
			.filteredOn((attribute) -> attribute.getKey().equals("http.response.status_code"))
			.singleElement()
			.satisfies((attribute) -> assertThat(attribute.getValue().getIntValue()).isEqualTo(200));
		assertThat(this.receiver.received()).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.headers()).containsEntry("x-honeycomb-team", "test-team-key")
				.containsEntry("content-type", "application/x-protobuf");
		});
	}

	@Test
	void exactlyOneSdkAndOneExporterExist() {
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=" + this.receiver.endpoint());
		assertThat(context.getBeansOfType(OpenTelemetry.class)).hasSize(1);
		assertThat(context.getBeansOfType(SdkTracerProvider.class)).hasSize(1);
		// One collector exporter; the sample's trace viewer adds an in-process sink only.
		assertThat(context.getBeansOfType(SpanExporter.class).values())
			.filteredOn((exporter) -> !(exporter instanceof InProcessSpanExporter))
			.hasSize(1);
		assertThat(context.getBeansOfType(InProcessSpanExporter.class).values()).singleElement()
			.isInstanceOf(RecentTraces.class);
	}

	@Test
	void traceViewerRecordsTheSpansTheCollectorReceives() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=" + this.receiver.endpoint());
		HttpResponse<String> chat = chat(context);
		assertThat(chat.statusCode()).isEqualTo(200);
		String traceId = SampleApps.traceId(chat);
		this.receiver.awaitSpan((span) -> span.span().getKind() == SpanKind.SPAN_KIND_SERVER
				&& traceId.equals(HexFormat.of().formatHex(span.span().getTraceId().toByteArray())));
		context.getBean(SdkTracerProvider.class).forceFlush().join(15, TimeUnit.SECONDS);
		List<String> received = this.receiver.spans()
			.stream()
			.filter((span) -> traceId.equals(HexFormat.of().formatHex(span.span().getTraceId().toByteArray())))
			.map((span) -> HexFormat.of().formatHex(span.span().getSpanId().toByteArray()))
			.toList();
		RecordedTrace recorded = context.getBean(RecentTraces.class).get(traceId);
		assertThat(recorded).isNotNull();
		assertThat(received).isNotEmpty();
		assertThat(recorded.spans()).extracting(RecordedSpan::spanId).containsExactlyInAnyOrderElementsOf(received);
	}

	@Test
	void longValuesAreCutOnTheWireAndInTheViewer() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=" + this.receiver.endpoint(),
				"--fastagentic.export.max-attribute-value-length=200");
		HttpResponse<String> chat = SampleApps.chat(context, "Please [fail] now", Map.of());
		assertThat(chat.statusCode()).isEqualTo(502);
		String traceId = SampleApps.traceId(chat);
		this.receiver.awaitSpan((span) -> span.span().getKind() == SpanKind.SPAN_KIND_SERVER
				&& traceId.equals(HexFormat.of().formatHex(span.span().getTraceId().toByteArray())));
		context.getBean(SdkTracerProvider.class).forceFlush().join(15, TimeUnit.SECONDS);
		List<Span> received = this.receiver.spans()
			.stream()
			.map(OtlpReceiver.ReceivedSpan::span)
			.filter((span) -> traceId.equals(HexFormat.of().formatHex(span.getTraceId().toByteArray())))
			.toList();
		// The failed call's stack trace, thousands of characters in the application,
		// arrives cut; no string value of a span or an event is longer.
		List<String> stackTraces = received.stream()
			.flatMap((span) -> span.getEventsList().stream())
			.filter((event) -> event.getName().equals("exception"))
			.flatMap((event) -> event.getAttributesList().stream())
			.filter((attribute) -> attribute.getKey().equals("exception.stacktrace"))
			.map((attribute) -> attribute.getValue().getStringValue())
			.toList();
		assertThat(stackTraces).isNotEmpty()
			.allSatisfy((stackTrace) -> assertThat(stackTrace).hasSize(200).contains("Exception"));
		assertThat(received.stream()
			.flatMap((span) -> Stream.concat(span.getAttributesList().stream(),
					span.getEventsList().stream().flatMap((event) -> event.getAttributesList().stream()))))
			.isNotEmpty()
			.allSatisfy((attribute) -> assertThat(attribute.getValue().getStringValue()).hasSizeLessThanOrEqualTo(200));
		// The trace viewer shows the same cut.
		RecordedTrace recorded = context.getBean(RecentTraces.class).get(traceId);
		assertThat(recorded).isNotNull();
		assertThat(recorded.spans()
			.stream()
			.flatMap((span) -> span.events().stream())
			.filter((event) -> event.name().equals("exception"))
			.map((event) -> event.attributes().get("exception.stacktrace"))).hasSameSizeAs(stackTraces)
			.allSatisfy((stackTrace) -> assertThat((String) stackTrace).hasSize(200));
	}

	@Test
	void deadCollectorNeitherFailsRequestsNorTakesTheServiceOutOfRotation(CapturedOutput output) throws Exception {
		int port = closedPort();
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=http://127.0.0.1:" + port,
				"--management.opentelemetry.tracing.export.otlp.connect-timeout=1s",
				"--fastagentic.health.outage-after=0s",
				"--management.endpoint.health.group.telemetry.include=fastagentic",
				"--management.endpoint.health.group.telemetry.status.order=down,degraded,out-of-service,up,unknown",
				"--management.endpoint.health.group.telemetry.status.http-mapping.degraded=503");
		for (int i = 0; i < 3; i++) {
			assertThat(chat(context).statusCode()).isEqualTo(200);
		}
		context.getBean(SdkTracerProvider.class).forceFlush().join(15, TimeUnit.SECONDS);
		HttpResponse<String> component = SampleApps.get(context, "/actuator/health/fastagentic");
		assertThat(component.statusCode()).isEqualTo(200);
		assertThat(component.body()).contains("\"status\":\"DEGRADED\"")
			.contains("\"reason\":\"No export has succeeded for")
			.contains("\"lastExportResult\":\"failure\"")
			.containsPattern("\"consecutiveFailures\":[1-9]")
			.containsPattern("\"spansDroppedExportFailed\":[1-9]")
			.contains("\"recent\":{\"windowSeconds\":60");
		// A tracing outage never takes the service out of a load balancer...
		HttpResponse<String> root = SampleApps.get(context, "/actuator/health");
		assertThat(root.statusCode()).isEqualTo(200);
		assertThat(root.body()).endsWith("\"status\":\"UP\"}");
		assertThat(SampleApps.get(context, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(SampleApps.get(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		// ...while a group made for telemetry monitoring fails.
		assertThat(SampleApps.get(context, "/actuator/health/telemetry").statusCode()).isEqualTo(503);
		// One warning naming the endpoint and the cause, not a stack trace per batch.
		assertThat(output.getOut())
			.containsOnlyOnce("Trace export to http://127.0.0.1:" + port + "/v1/traces is failing (")
			.doesNotContain("Failed to export spans");
	}

	@Test
	void gracefulShutdownFlushesSpansOfCompletedRequests() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=" + this.receiver.endpoint(),
				"--management.opentelemetry.tracing.export.schedule-delay=1h");
		assertThat(chat(context).statusCode()).isEqualTo(200);
		assertThat(this.receiver.spans()).isEmpty();
		context.close();
		assertThat(this.receiver.spans())
			.anySatisfy((span) -> assertThat(span.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER));
	}

	@Test
	void headerSecretsAreMaskedByActuatorEvenWhenValuesAreShown() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.endpoint=" + this.receiver.endpoint(),
				"--fastagentic.otel.headers.x-honeycomb-team=test-team-key",
				"--management.endpoints.web.exposure.include=env,configprops,health",
				"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always");
		HttpResponse<String> env = SampleApps.get(context, "/actuator/env");
		HttpResponse<String> configprops = SampleApps.get(context, "/actuator/configprops");
		assertThat(env.statusCode()).isEqualTo(200);
		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(env.body()).contains("x-honeycomb-team").doesNotContain("test-team-key");
		assertThat(configprops.body()).contains("x-honeycomb-team").doesNotContain("test-team-key");
	}

	@Test
	void invalidSettingFailsStartupWithAnActionableReport(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--fastagentic.otel.sample-rate=abc"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("fastagentic.otel.sample-rate is set to 'abc'")
			.contains("FASTAGENTIC_OTEL_SAMPLE_RATE")
			.contains("a number from 0.0 to 1.0");
	}

	@Test
	void withoutEndpointOneInfoLineSaysHowToExport(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = start();
		assertThat(chat(context).statusCode()).isEqualTo(200);
		assertThat(output).containsOnlyOnce("Set FASTAGENTIC_OTEL_ENDPOINT");
	}

	private ConfigurableApplicationContext start(String... args) {
		List<String> arguments = new ArrayList<>(
				List.of("--management.opentelemetry.tracing.export.schedule-delay=100ms",
						"--management.endpoint.health.probes.enabled=true"));
		arguments.addAll(List.of(args));
		return this.apps.start(arguments.toArray(String[]::new));
	}

	private static HttpResponse<String> chat(ConfigurableApplicationContext context) throws Exception {
		return SampleApps.chat(context, "What is OpenTelemetry?", Map.of());
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
