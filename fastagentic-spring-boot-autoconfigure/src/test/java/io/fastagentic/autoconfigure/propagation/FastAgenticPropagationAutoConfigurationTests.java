package io.fastagentic.autoconfigure.propagation;

import io.fastagentic.propagation.http.B3AwareSampler;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticPropagationAutoConfiguration}'s part in sampling: the
 * sampler, Spring Boot's or the user's, is wrapped to honour B3's sampling states, except
 * at an untrusted edge.
 */
class FastAgenticPropagationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, FastAgenticPropagationAutoConfiguration.class));

	@Test
	void bootsSamplerHonoursB3SamplingStates() {
		this.contextRunner.withPropertyValues("management.tracing.sampling.probability=0.25")
			.run((context) -> assertThat(context.getBean(Sampler.class)).isInstanceOf(B3AwareSampler.class)
				.extracting(Sampler::getDescription)
				.isEqualTo("B3AwareSampler{ParentBased{root:TraceIdRatioBased{0.250000},"
						+ "remoteParentSampled:AlwaysOnSampler,remoteParentNotSampled:AlwaysOffSampler,"
						+ "localParentSampled:AlwaysOnSampler,localParentNotSampled:AlwaysOffSampler}}"));
	}

	@Test
	void usersSamplerIsWrappedAndStillDecides() {
		this.contextRunner.withBean(Sampler.class, Sampler::alwaysOff)
			.run((context) -> assertThat(context.getBean(Sampler.class).getDescription())
				.isEqualTo("B3AwareSampler{AlwaysOffSampler}"));
	}

	@Test
	void untrustedEdgeLeavesTheSamplerAlone() {
		this.contextRunner.withPropertyValues("fastagentic.otel.propagation.trust-incoming=false")
			.run((context) -> assertThat(context.getBean(Sampler.class)).isNotInstanceOf(B3AwareSampler.class));
	}

}
