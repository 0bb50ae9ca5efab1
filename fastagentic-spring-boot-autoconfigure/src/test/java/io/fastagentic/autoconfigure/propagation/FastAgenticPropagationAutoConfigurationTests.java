package io.fastagentic.autoconfigure.propagation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.fastagentic.propagation.http.B3AwareSampler;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FastAgenticPropagationAutoConfiguration}: FastAgentic's formats take
 * the place of the propagator Spring Boot derives from its properties, beside the
 * application's propagators; the sampler, Spring Boot's or the user's, is wrapped to
 * honour B3's sampling states, except at an untrusted edge; data sources are wrapped
 * unless switched off.
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

	@Test
	void applicationsPropagatorWritesItsHeaderNextToTheConfiguredFormats() {
		this.contextRunner.withBean("xrayPropagator", TextMapPropagator.class, XRayStylePropagator::new)
			.withPropertyValues("fastagentic.otel.propagators=jaeger,b3")
			.run((context) -> {
				Map<String, String> headers = inject(context.getBean(ContextPropagators.class));
				assertThat(headers).containsOnlyKeys("uber-trace-id", "b3", XRayStylePropagator.HEADER);
				assertThat(headers.get(XRayStylePropagator.HEADER)).isEqualTo(XRayStylePropagator.VALUE);
			});
	}

	@Test
	void bootsPropagationPropertiesChooseTheFormatsWhenFastAgenticsAreUnset() {
		this.contextRunner.withPropertyValues("management.tracing.propagation.type=b3_multi")
			.run((context) -> assertThat(inject(context.getBean(ContextPropagators.class)))
				.containsOnlyKeys("X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled"));
	}

	@Test
	void bootsRemoteFieldsAreReadAndWritten() {
		this.contextRunner.withPropertyValues("management.tracing.baggage.remote-fields=x-tenant").run((context) -> {
			TextMapPropagator propagator = context.getBean(ContextPropagators.class).getTextMapPropagator();
			assertThat(propagator.fields()).contains("x-tenant", "traceparent", "uber-trace-id");
			Context extracted = propagator.extract(Context.root(), Map.of("x-tenant", "acme"), MAP_GETTER);
			assertThat(io.opentelemetry.api.baggage.Baggage.fromContext(extracted).getEntryValue("x-tenant"))
				.isEqualTo("acme");
		});
	}

	@Test
	void dataSourcesAreWrapped() {
		this.contextRunner.withBean(DataSource.class, () -> mock(DataSource.class))
			.run((context) -> assertThat(context.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class));
	}

	@Test
	void dataSourceWrappingCanBeSwitchedOff() {
		this.contextRunner.withBean(DataSource.class, () -> mock(DataSource.class))
			.withPropertyValues("fastagentic.otel.propagation.jdbc-enabled=false")
			.run((context) -> assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class));
	}

	private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	private static Map<String, String> inject(ContextPropagators propagators) {
		Map<String, String> headers = new LinkedHashMap<>();
		Context context = Context.root()
			.with(Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
					TraceFlags.getSampled(), TraceState.getDefault())));
		propagators.getTextMapPropagator().inject(context, headers, Map::put);
		return headers;
	}

	/**
	 * An application's own propagator, as AWS X-Ray users declare one.
	 */
	static class XRayStylePropagator implements TextMapPropagator {

		static final String HEADER = "X-Amzn-Trace-Id";

		static final String VALUE = "Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1";

		@Override
		public Collection<String> fields() {
			return List.of(HEADER);
		}

		@Override
		public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
			SpanContext span = Span.fromContext(context).getSpanContext();
			setter.set(carrier, HEADER, "Root=1-" + span.getTraceId().substring(0, 8) + "-"
					+ span.getTraceId().substring(8) + ";Parent=" + span.getSpanId() + ";Sampled=1");
		}

		@Override
		public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
			return context;
		}

	}

}
