package io.fastagentic.observation.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fastagentic.testing.ScopeAttachCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InScopeObservations} with Spring Boot's OpenTelemetry tracing, its
 * grouping of tracing and meter handlers, and a meter handler of the application.
 */
class InScopeObservationsTests {

	@Test
	void stopsInItsScopeSoTheMeterHandlerFindsItsSpanCurrentWithoutAnotherAttach() {
		try (ConfigurableApplicationContext context = start()) {
			String result = InScopeObservations.observe(observation(context), () -> "done");
			assertThat(result).isEqualTo("done");
			// The observation's own scope only.
			assertThat(context.getBean(ScopeAttachCounter.class).attached()).isOne();
			assertMeterHandlerSawTheSpanItStopped(context);
		}
	}

	@Test
	void micrometersObserveStopsAfterTheScopeClosedAndAttachesTheSpanAgain() {
		try (ConfigurableApplicationContext context = start()) {
			observation(context).observe(() -> "done");
			// Spring Boot's tracing-aware meter handler attaches the span again for the
			// meters.
			assertThat(context.getBean(ScopeAttachCounter.class).attached()).isEqualTo(2);
			assertMeterHandlerSawTheSpanItStopped(context);
		}
	}

	@Test
	void failureIsRecordedAndReachesTheCallerUnchanged() {
		try (ConfigurableApplicationContext context = start()) {
			IllegalStateException failure = new IllegalStateException("boom");
			Observation observation = observation(context);
			assertThatIllegalStateException().isThrownBy(() -> InScopeObservations.observe(observation, () -> {
				throw failure;
			})).isSameAs(failure);
			assertThat(observation.getContext().getError()).isSameAs(failure);
			assertThat(context.getBean(MeterRegistry.class)
				.get("work")
				.tag("error", "IllegalStateException")
				.timer()
				.count()).isOne();
			assertThat(spans(context)).singleElement()
				.satisfies((span) -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
			assertThat(context.getBean(Tracer.class).currentSpan()).isNull();
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TracingApplication.class).web(WebApplicationType.NONE)
			.run("--management.tracing.sampling.probability=1.0");
	}

	private static Observation observation(ConfigurableApplicationContext context) {
		return Observation.createNotStarted("work", context.getBean(ObservationRegistry.class));
	}

	private static void assertMeterHandlerSawTheSpanItStopped(ConfigurableApplicationContext context) {
		SpanData span = spans(context).get(0);
		assertThat(context.getBean(CurrentSpanAtStop.class).spanIds).containsExactly(span.getSpanId());
		assertThat(context.getBean(MeterRegistry.class).get("work").timer().count()).isOne();
		assertThat(context.getBean(Tracer.class).currentSpan()).isNull();
	}

	private static List<SpanData> spans(ConfigurableApplicationContext context) {
		assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
			.isTrue();
		return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class, ObservationAutoConfiguration.class })
	static class TracingApplication {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		ScopeAttachCounter attachCounter() {
			return new ScopeAttachCounter();
		}

		@Bean
		CurrentSpanAtStop currentSpanAtStop(MeterRegistry meterRegistry, Tracer tracer) {
			return new CurrentSpanAtStop(meterRegistry, tracer);
		}

	}

	/**
	 * An application's meter handler (Spring Boot wraps it in its tracing-aware handler):
	 * Micrometer's default meters, and the span current when they are recorded, as
	 * exemplars read it.
	 */
	static class CurrentSpanAtStop extends DefaultMeterObservationHandler {

		final List<String> spanIds = new ArrayList<>();

		private final Tracer tracer;

		CurrentSpanAtStop(MeterRegistry meterRegistry, Tracer tracer) {
			super(meterRegistry);
			this.tracer = tracer;
		}

		@Override
		public void onStop(Observation.Context context) {
			Span current = this.tracer.currentSpan();
			this.spanIds.add((current != null) ? current.context().spanId() : "none");
			super.onStop(context);
		}

	}

}
