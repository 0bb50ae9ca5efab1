package io.fastagentic.autoconfigure.correlation;

import java.util.concurrent.TimeUnit;

import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.correlation.AgentSpan;
import io.fastagentic.correlation.AgentTracer;
import io.fastagentic.correlation.CorrelatedSlf4JEventListener;
import io.fastagentic.correlation.CorrelationMdcEventListener;
import io.fastagentic.correlation.MicrometerAgentTracer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticCorrelationAutoConfiguration} together with Spring Boot's
 * OpenTelemetry tracing auto-configurations.
 */
class FastAgenticCorrelationAutoConfigurationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, FastAgenticCorrelationAutoConfiguration.class));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void fastAgenticLogListenerReplacesBoots() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Slf4JEventListener.class);
			assertThat(context.getBeanNamesForType(Slf4JEventListener.class))
				.containsExactly("fastAgenticSlf4JEventListener");
			// One listener for the trace, span, run and user ids.
			assertThat(context).getBean(Slf4JEventListener.class).isInstanceOf(CorrelatedSlf4JEventListener.class);
			assertThat(context).doesNotHaveBean(CorrelationMdcEventListener.class);
		});
	}

	@Test
	void logListenerPutsTheDocumentedIdsIntoTheMdc() {
		this.contextRunner.run((context) -> {
			Slf4JEventListener listener = context.getBean(Slf4JEventListener.class);
			Span span = Span
				.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
			listener.onEvent(new ScopeAttachedEvent(Context.root().with(span)));
			assertThat(MDC.get("trace_id")).isEqualTo(TRACE_ID);
			assertThat(MDC.get("span_id")).isEqualTo(SPAN_ID);
			assertThat(MDC.get("traceId")).isNull();
			assertThat(MDC.get("spanId")).isNull();
			listener.onEvent(new ScopeClosedEvent());
			assertThat(MDC.get("trace_id")).isNull();
			assertThat(MDC.get("span_id")).isNull();
		});
	}

	@Test
	void runIdStaysInTheMdcWhenBootsBaggageCorrelationAlsoNamesIt() {
		this.contextRunner.withPropertyValues("management.tracing.baggage.correlation.fields=run_id").run((context) -> {
			EventListener listener = context.getBean(Slf4JEventListener.class);
			try (Scope run = AgentCorrelation.openRun("run-1")) {
				listener.onEvent(new ScopeAttachedEvent(Context.current()));
				// Boot's listener for that field, at the close of a scope
				MDC.remove("run_id");
				listener.onEvent(new ScopeRestoredEvent(Context.current()));
				assertThat(MDC.get("run_id")).isEqualTo("run-1");
			}
		});
	}

	@Test
	void agentTracerStartsSpansOnBootsTracer() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		this.contextRunner.withBean(SpanExporter.class, () -> exporter)
			.withPropertyValues("management.tracing.sampling.probability=1.0")
			.run((context) -> {
				assertThat(context).hasSingleBean(AgentTracer.class);
				AgentTracer agentTracer = context.getBean(AgentTracer.class);
				assertThat(agentTracer).isInstanceOf(MicrometerAgentTracer.class);
				try (AgentSpan span = agentTracer.startSpan("custom.preprocessing")) {
					span.setAttribute("input_size", 42L);
				}
				assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
					.isTrue();
				assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
					.containsExactly("custom.preprocessing");
			});
	}

	@Test
	void agentTracerBacksOffWhenUserDefinesOne() {
		AgentTracer userTracer = new MicrometerAgentTracer(Tracer.NOOP);
		this.contextRunner.withBean(AgentTracer.class, () -> userTracer)
			.run((context) -> assertThat(context).getBean(AgentTracer.class).isSameAs(userTracer));
	}

	@Test
	void logListenerBacksOffWhenUserDefinesOne() {
		Slf4JEventListener userListener = new Slf4JEventListener("trace", "span");
		this.contextRunner.withBean(Slf4JEventListener.class, () -> userListener).run((context) -> {
			assertThat(context).getBean(Slf4JEventListener.class).isSameAs(userListener);
			assertThat(context).hasSingleBean(CorrelationMdcEventListener.class);
		});
	}

	@Test
	void traceIdsStillGoIntoTheMdcUnderTheDocumentedKeysWhenUserDefinesTheCorrelationListener() {
		CorrelationMdcEventListener userListener = new CorrelationMdcEventListener(false);
		this.contextRunner.withBean(CorrelationMdcEventListener.class, () -> userListener).run((context) -> {
			assertThat(context).getBean(CorrelationMdcEventListener.class).isSameAs(userListener);
			assertThat(context.getBeanNamesForType(Slf4JEventListener.class))
				.containsExactly("fastAgenticTraceIdEventListener");
			Slf4JEventListener listener = context.getBean(Slf4JEventListener.class);
			Span span = Span
				.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
			listener.onEvent(new ScopeAttachedEvent(Context.root().with(span)));
			assertThat(MDC.get("trace_id")).isEqualTo(TRACE_ID);
			assertThat(MDC.get("traceId")).isNull();
		});
	}

	@Test
	void withoutTracingTheAgentTracerRecordsNothing() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FastAgenticCorrelationAutoConfiguration.class))
			.run((context) -> {
				AgentTracer agentTracer = context.getBean(AgentTracer.class);
				try (AgentSpan span = agentTracer.startSpan("custom.preprocessing")) {
					assertThat(span.setAttribute("input_size", 42L)).isSameAs(span);
				}
				assertThat(agentTracer.currentRunId()).isNull();
				assertThat(agentTracer.currentUserId()).isNull();
			});
	}

}
