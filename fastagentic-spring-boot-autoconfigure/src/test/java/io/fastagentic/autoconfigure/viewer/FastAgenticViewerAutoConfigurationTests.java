package io.fastagentic.autoconfigure.viewer;

import java.util.List;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.viewer.RecentTraces;
import io.fastagentic.viewer.TracesEndpoint;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticViewerAutoConfiguration}.
 */
class FastAgenticViewerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, FastAgenticOtelAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				FastAgenticViewerAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=health,traces");

	@Test
	void nothingExistsWithoutTheProperty() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TracesEndpoint.class).doesNotHaveBean(RecentTraces.class);
			assertThat(webEndpointIds(context.getBean(WebEndpointsSupplier.class))).doesNotContain("traces");
		});
	}

	@Test
	void nothingExistsWhenThePropertyIsFalse() {
		this.contextRunner.withPropertyValues("fastagentic.viewer.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracesEndpoint.class)
				.doesNotHaveBean(RecentTraces.class));
	}

	@Test
	void endpointAndSinkExistWithThePropertyAndAreInTheExportPipeline() {
		this.contextRunner.withPropertyValues("fastagentic.viewer.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(TracesEndpoint.class).hasSingleBean(RecentTraces.class);
			assertThat(webEndpointIds(context.getBean(WebEndpointsSupplier.class))).contains("traces");
			// In process: handed to the batch processor as is, never wrapped as a
			// collector export.
			assertThat(context.getBean(SpanExporters.class).list()).contains(context.getBean(RecentTraces.class));
		});
	}

	@Test
	void endpointThatIsNotExposedIsNotCreatedEvenWhenEnabled() {
		this.contextRunner
			.withPropertyValues("fastagentic.viewer.enabled=true", "management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(TracesEndpoint.class)
				.doesNotHaveBean(RecentTraces.class));
	}

	@Test
	void endpointWhoseAccessIsNoneIsNotCreated() {
		this.contextRunner
			.withPropertyValues("fastagentic.viewer.enabled=true", "management.endpoint.traces.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(TracesEndpoint.class));
	}

	@Test
	void boundsAndJaegerUrlComeFromProperties() {
		this.contextRunner
			.withPropertyValues("fastagentic.viewer.enabled=true", "fastagentic.viewer.max-traces=2",
					"fastagentic.viewer.max-spans-per-trace=5", "fastagentic.viewer.jaeger-url=http://localhost:16686")
			.run((context) -> {
				FastAgenticViewerProperties properties = context.getBean(FastAgenticViewerProperties.class);
				assertThat(properties.getMaxTraces()).isEqualTo(2);
				assertThat(properties.getMaxSpansPerTrace()).isEqualTo(5);
				assertThat(properties.getJaegerUrl()).isEqualTo("http://localhost:16686");
			});
	}

	@Test
	void invalidBoundStopsStartup() {
		this.contextRunner.withPropertyValues("fastagentic.viewer.enabled=true", "fastagentic.viewer.max-traces=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("traces kept must be positive"));
	}

	@Test
	void backsOffToAUserEndpointAndSink() {
		RecentTraces userTraces = new RecentTraces(5, 5, 5);
		TracesEndpoint userEndpoint = new TracesEndpoint(userTraces, null);
		this.contextRunner.withPropertyValues("fastagentic.viewer.enabled=true")
			.withBean("myTraces", RecentTraces.class, () -> userTraces)
			.withBean("myTracesEndpoint", TracesEndpoint.class, () -> userEndpoint)
			.run((context) -> {
				assertThat(context).hasSingleBean(TracesEndpoint.class).hasSingleBean(RecentTraces.class);
				assertThat(context.getBean(TracesEndpoint.class)).isSameAs(userEndpoint);
				assertThat(context.getBean(RecentTraces.class)).isSameAs(userTraces);
			});
	}

	@Test
	void notCreatedOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, FastAgenticViewerAutoConfiguration.class))
			.withPropertyValues("fastagentic.viewer.enabled=true", "management.endpoints.web.exposure.include=traces")
			.run((context) -> assertThat(context).doesNotHaveBean(TracesEndpoint.class)
				.doesNotHaveBean(SpanExporter.class));
	}

	private static List<String> webEndpointIds(WebEndpointsSupplier supplier) {
		return supplier.getEndpoints().stream().map((endpoint) -> endpoint.getEndpointId().toString()).toList();
	}

}
