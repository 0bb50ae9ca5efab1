package io.fastagentic.autoconfigure.observation;

import java.util.ArrayList;
import java.util.List;

import io.fastagentic.autoconfigure.correlation.FastAgenticCorrelationAutoConfiguration;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationContext;
import io.fastagentic.observation.handler.ContentCaptureObservationFilter;
import io.fastagentic.observation.handler.LlmUsageMetricsHandler;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.tool.AgentToolAspect;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticObservationAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FastAgenticObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FastAgenticCorrelationAutoConfiguration.class,
				FastAgenticObservationAutoConfiguration.class))
		.withBean(ObservationRegistry.class, ObservationRegistry::create);

	@Test
	void providesObservationsToolAspectAndBuiltInPrices() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AgentObservations.class)
				.hasSingleBean(AgentToolAspect.class)
				.doesNotHaveBean(ContentCaptureObservationFilter.class)
				.doesNotHaveBean(LlmUsageMetricsHandler.class);
			assertThat(context.getBean(LlmPricing.class).cost("gpt-4o-mini", 1_000_000, 0, 0))
				.isEqualByComparingTo("0.15");
		});
	}

	@Test
	void pricesFromPropertiesOverrideAndExtendTheBuiltInTable() {
		this.contextRunner
			.withPropertyValues("fastagentic.llm.pricing[gpt-4o-mini].input=0.20",
					"fastagentic.llm.pricing[gpt-4o-mini].output=0.80", "fastagentic.llm.pricing[acme-1].input=1",
					"fastagentic.llm.pricing[acme-1].output=2", "fastagentic.llm.pricing[acme-1].cached-input=0.5")
			.run((context) -> {
				LlmPricing pricing = context.getBean(LlmPricing.class);
				assertThat(pricing.cost("gpt-4o-mini", 1_000_000, 1_000_000, 0)).isEqualByComparingTo("1.00");
				assertThat(pricing.cost("acme-1-preview", 2_000_000, 0, 1_000_000)).isEqualByComparingTo("1.5");
				assertThat(pricing.cost("gpt-4o", 1_000_000, 0, 0)).isEqualByComparingTo("2.50");
			});
	}

	@Test
	void incompletePriceFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("fastagentic.llm.pricing[acme-1].input=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fastagentic.llm.pricing[acme-1]")
				.hasMessageContaining("'output'"));
	}

	@Test
	void contentCaptureIsOptInAndWarnsAtStartup(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("fastagentic.llm.capture-content=true", "fastagentic.llm.content-max-length=200")
			.run((context) -> assertThat(context).hasSingleBean(ContentCaptureObservationFilter.class));
		assertThat(output).contains("WARN")
			.contains("fastagentic.llm.capture-content is on")
			.contains("200 characters");
	}

	@Test
	void usageMetricsNeedAMeterRegistry() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(LlmUsageMetricsHandler.class));
	}

	@Test
	void ownObservationsGetTheirMetersAheadOfSpringBootsMeterHandler() {
		withBootObservationHandlers().run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			CheckpointWriteObservationContext checkpoint = new CheckpointWriteObservationContext("redis", 64);
			Observation.createNotStarted("checkpoint.write", () -> checkpoint, registry).observe(() -> {
			});
			Observation.createNotStarted("other.work", registry).observe(() -> {
			});
			assertThat(context.getBean(StandInForBootsMeterHandler.class).seen).containsExactly("other.work");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("checkpoint.write").tag("error", "none").timer().count()).isOne();
			assertThat(meters.find("checkpoint.write.active").longTaskTimer()).isNotNull();
		});
	}

	@Test
	void springsServerRequestsGetTheMetersOfBootsHandlerAheadOfIt() {
		MeterRegistry expected = new SimpleMeterRegistry();
		ObservationRegistry bootOnly = ObservationRegistry.create();
		bootOnly.observationConfig().observationHandler(new DefaultMeterObservationHandler(expected));
		serverRequest(bootOnly, 503);
		withBootObservationHandlers().run((context) -> {
			serverRequest(context.getBean(ObservationRegistry.class), 503);
			assertThat(context.getBean(StandInForBootsMeterHandler.class).seen).isEmpty();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.getMeters()).extracting(Meter::getId)
				.containsExactlyInAnyOrderElementsOf(expected.getMeters().stream().map(Meter::getId).toList());
			assertThat(meters.get("http.server.requests")
				.tags("status", "503", "outcome", "SERVER_ERROR", "uri", "/chat", "error", "none")
				.timer()
				.count()).isOne();
			assertThat(meters.get("http.server.requests.active").longTaskTimer().activeTasks()).isZero();
		});
	}

	@Test
	void ownObservationsLeaveLongTaskTimersOutWhenBootIgnoresThem() {
		withBootObservationHandlers()
			.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				CheckpointWriteObservationContext checkpoint = new CheckpointWriteObservationContext("redis", 64);
				Observation.createNotStarted("checkpoint.write", () -> checkpoint, registry).observe(() -> {
				});
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("checkpoint.write").timer().count()).isOne();
				assertThat(meters.find("checkpoint.write.active").longTaskTimer()).isNull();
			});
	}

	/**
	 * Spring Boot's grouping of meter and tracing handlers, with a meter handler of no
	 * order standing for the one Spring Boot's metrics auto-configuration adds.
	 */
	private static ApplicationContextRunner withBootObservationHandlers() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, FastAgenticCorrelationAutoConfiguration.class,
					FastAgenticObservationAutoConfiguration.class))
			.withBean(Tracer.class, () -> Tracer.NOOP)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(StandInForBootsMeterHandler.class, StandInForBootsMeterHandler::new);
	}

	@Test
	void toolAspectNeedsAspectJ() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.aspectj"))
			.run((context) -> assertThat(context).hasSingleBean(AgentObservations.class)
				.doesNotHaveBean(AgentToolAspect.class));
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FastAgenticObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentObservations.class));
	}

	private static void serverRequest(ObservationRegistry registry, int status) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
		context.setPathPattern("/chat");
		ServerHttpObservationDocumentation.HTTP_SERVLET_SERVER_REQUESTS
			.observation(null, new DefaultServerRequestObservationConvention(), () -> context, registry)
			.observe(() -> response.setStatus(status));
	}

	static class StandInForBootsMeterHandler implements MeterObservationHandler<Observation.Context> {

		final List<String> seen = new ArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.seen.add(context.getName());
		}

	}

}
