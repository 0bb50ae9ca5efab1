package io.fastagentic.observation.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.autoconfigure.correlation.FastAgenticCorrelationAutoConfiguration;
import io.fastagentic.autoconfigure.observation.FastAgenticObservationAutoConfiguration;
import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.testing.ScopeAttachCounter;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

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

/**
 * The run id of an agent run with Spring Boot's OpenTelemetry tracing and FastAgentic's
 * tracing handler: the run's span carries it, so the run's own scope makes it current
 * (one scope attached for the whole run), in logs and on the threads the run's context
 * reaches, sampled or not.
 */
class AgentRunCorrelationTests {

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "0.0" })
	void runIdIsCurrentInTheRunsOwnScopeInLogsAndOnOtherThreads(String probability) throws Exception {
		try (ConfigurableApplicationContext context = start(probability)) {
			ChatController target = new ChatController();
			ChatController controller = proxy(context, target);
			ScopeAttachCounter attaches = context.getBean(ScopeAttachCounter.class);
			target.counter = attaches;
			try (Scope user = AgentCorrelation.openUser("alice")) {
				attaches.reset();
				controller.chat();
				// The run's observation scope only: no scope of the run id's own.
				assertThat(target.attachedBeforeWork).isOne();
				assertThat(AgentCorrelation.currentRunId()).isNull();
				assertThat(MDC.get("run_id")).isNull();
				assertThat(MDC.get("user_id")).isEqualTo("alice");
			}
			String runId = target.seen.runId();
			assertThat(runId).matches("run-[0-9a-f-]{36}");
			assertThat(target.seen.userId()).isEqualTo("alice");
			assertThat(target.mdcRunId).isEqualTo(runId);
			assertThat(target.mdcUserId).isEqualTo("alice");
			assertThat(target.runIdOnAnotherThread).isEqualTo(runId);
			assertThat(target.mdcRunIdOnAnotherThread).isEqualTo(runId);
			assertThat(AgentCorrelation.current()).isNull();
			assertThat(context.getBean(Tracer.class).currentSpan()).isNull();
			assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
				.isTrue();
			if ("1.0".equals(probability)) {
				assertThat(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).singleElement()
					.satisfies((span) -> {
						assertThat(span.getName()).isEqualTo("agent.run /chat");
						assertThat(span.getAttributes().get(AttributeKey.stringKey("run_id"))).isEqualTo(runId);
					});
			}
			else {
				assertThat(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).isEmpty();
			}
		}
	}

	private static ConfigurableApplicationContext start(String probability) {
		return new SpringApplicationBuilder(TracingApplication.class).web(WebApplicationType.NONE)
			.run("--management.tracing.sampling.probability=" + probability);
	}

	private static ChatController proxy(ConfigurableApplicationContext context, ChatController target) {
		return AgentEndpointInterceptorTests.proxy(new AgentEndpointInterceptor(
				context.getBean(ObservationRegistry.class), context.getBean(Tracer.class), null, null, false), target);
	}

	static class ChatController {

		private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

		@Nullable ScopeAttachCounter counter;

		int attachedBeforeWork;

		@Nullable AgentCorrelation seen;

		@Nullable String mdcRunId;

		@Nullable String mdcUserId;

		@Nullable String runIdOnAnotherThread;

		@Nullable String mdcRunIdOnAnotherThread;

		@AgentEndpoint(path = "/chat")
		public String chat() throws Exception {
			this.attachedBeforeWork = this.counter.attached();
			this.seen = AgentCorrelation.current();
			this.mdcRunId = MDC.get("run_id");
			this.mdcUserId = MDC.get("user_id");
			CompletableFuture.runAsync(this.snapshots.captureAll().wrap(() -> {
				this.runIdOnAnotherThread = AgentCorrelation.currentRunId();
				this.mdcRunIdOnAnotherThread = MDC.get("run_id");
			})).get(10, TimeUnit.SECONDS);
			return "answer";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class, ObservationAutoConfiguration.class,
			FastAgenticCorrelationAutoConfiguration.class, FastAgenticObservationAutoConfiguration.class })
	static class TracingApplication {

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		ScopeAttachCounter attachCounter() {
			return new ScopeAttachCounter();
		}

	}

}
