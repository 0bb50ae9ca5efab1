package io.fastagentic.autoconfigure.viewer;

import java.util.List;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.viewer.RecentTraces;
import io.fastagentic.viewer.TracesEndpoint;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticViewerAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
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
			// In process: handed to the batch processor with its values cut as a
			// collector's are, never monitored as a collector export.
			assertThat(context.getBean(SpanExporters.class).list()).extracting(Object::toString)
				.contains("BoundedSpanExporter{" + context.getBean(RecentTraces.class) + "}");
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
					"fastagentic.viewer.max-spans-per-trace=5", "fastagentic.viewer.max-spans=3",
					"fastagentic.viewer.jaeger-url=http://localhost:16686")
			.run((context) -> {
				FastAgenticViewerProperties properties = context.getBean(FastAgenticViewerProperties.class);
				assertThat(properties.getMaxTraces()).isEqualTo(2);
				assertThat(properties.getMaxSpansPerTrace()).isEqualTo(5);
				assertThat(properties.getMaxSpans()).isEqualTo(3);
				assertThat(properties.getJaegerUrl()).isEqualTo("http://localhost:16686");
			});
	}

	@Test
	void totalSpanBoundComesFromTheProperty() {
		this.contextRunner
			.withPropertyValues("fastagentic.viewer.enabled=true", "fastagentic.viewer.max-spans=3",
					"fastagentic.viewer.max-spans-per-trace=2")
			.run((context) -> {
				RecentTraces traces = context.getBean(RecentTraces.class);
				traces.export(List.of(span(1, 1), span(1, 2), span(1, 3), span(2, 1), span(2, 2)));
				assertThat(traces.spanCount()).isEqualTo(2);
				assertThat(traces.size()).isOne();
			});
	}

	@Test
	void defaultBoundsAreTwoHundredTracesOfAThousandSpansAndTenThousandSpansInAll() {
		FastAgenticViewerProperties properties = new FastAgenticViewerProperties();
		assertThat(properties.getMaxTraces()).isEqualTo(RecentTraces.DEFAULT_MAX_TRACES).isEqualTo(200);
		assertThat(properties.getMaxSpansPerTrace()).isEqualTo(RecentTraces.DEFAULT_MAX_SPANS_PER_TRACE)
			.isEqualTo(1000);
		assertThat(properties.getMaxSpans()).isEqualTo(RecentTraces.DEFAULT_MAX_SPANS).isEqualTo(10_000);
	}

	@Test
	void enabledViewerWhoseEndpointIsNotExposedSaysWhatToSet(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("fastagentic.viewer.enabled=true", "management.endpoints.web.exposure.include=health")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(TracesEndpoint.class);
				assertThat(noticeLines(output)).singleElement()
					.asString()
					.contains("WARN")
					.contains("fastagentic.viewer.enabled=true")
					.contains("/actuator/traces/ui answers 404")
					.contains(
							"add traces to management.endpoints.web.exposure.include (for example health,info,traces)");
			});
	}

	@Test
	void enabledViewerWhoseEndpointAccessIsNoneSaysWhatToSet(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("fastagentic.viewer.enabled=true", "management.endpoint.traces.access=NONE")
			.run((context) -> assertThat(noticeLines(output)).singleElement()
				.asString()
				.contains("nor set management.endpoint.traces.access to NONE"));
	}

	@Test
	void exposedEndpointWithTheViewerOffSaysWhatToSet(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(TracesEndpoint.class);
			assertThat(noticeLines(output)).singleElement()
				.asString()
				.contains("INFO")
				.contains("'traces' actuator endpoint is listed in management.endpoints.web.exposure.include")
				.contains("set fastagentic.viewer.enabled=true");
		});
	}

	@Test
	void noNoticeWhenTheViewerIsServed(CapturedOutput output) {
		this.contextRunner.withPropertyValues("fastagentic.viewer.enabled=true")
			.run((context) -> assertThat(noticeLines(output)).isEmpty());
	}

	@Test
	void noNoticeWhenNeitherTheViewerNorItsEndpointIsAskedFor(CapturedOutput output) {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(noticeLines(output)).isEmpty());
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(noticeLines(output)).isEmpty());
	}

	@Test
	void invalidBoundStopsStartupNamingTheProperty() {
		for (String property : List.of("max-traces", "max-spans-per-trace", "max-spans")) {
			this.contextRunner
				.withPropertyValues("fastagentic.viewer.enabled=true", "fastagentic.viewer." + property + "=0")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("Property fastagentic.viewer." + property + " with value '0' is invalid")
					.hasMessageContaining("1 or more"));
		}
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

	private static List<String> noticeLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("/actuator/traces/ui answers 404")).toList();
	}

	private static SpanData span(int trace, int span) {
		return TestSpanData.builder()
			.setSpanContext(SpanContext.create(String.format("%032x", trace), String.format("%016x", span),
					TraceFlags.getSampled(), TraceState.getDefault()))
			.setName("span " + span)
			.setKind(SpanKind.INTERNAL)
			.setStartEpochNanos(span)
			.setEndEpochNanos(span + 1L)
			.setHasEnded(true)
			.setStatus(StatusData.unset())
			.build();
	}

}
