package io.fastagentic.autoconfigure.viewer;

import java.util.Set;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.viewer.RecentTraces;
import io.fastagentic.viewer.TracesEndpoint;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the local trace viewer: the {@link RecentTraces} span sink, fed
 * by Spring Boot's batch span processor next to the collector exporters, and the
 * {@code traces} actuator endpoint that serves them with a page. Off unless
 * {@code fastagentic.viewer.enabled=true}, and then only when the endpoint is exposed
 * ({@code management.endpoints.web.exposure.include}), so that nothing is recorded for
 * nobody. When only one of the two is set, one line at startup says why the page is not
 * served and what to set.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = FastAgenticOtelAutoConfiguration.class)
@ConditionalOnClass({ SpanExporter.class, WebEndpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnWebApplication
public final class FastAgenticViewerAutoConfiguration {

	private static final String ENABLED = "fastagentic.viewer.enabled";

	private static final String EXPOSURE_INCLUDE = "management.endpoints.web.exposure.include";

	FastAgenticViewerAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(ENABLED)
	@ConditionalOnAvailableEndpoint(TracesEndpoint.class)
	@EnableConfigurationProperties(FastAgenticViewerProperties.class)
	static class TraceViewerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RecentTraces fastAgenticRecentTraces(FastAgenticViewerProperties properties) {
			return new RecentTraces(atLeastOne("fastagentic.viewer.max-traces", properties.getMaxTraces()),
					atLeastOne("fastagentic.viewer.max-spans-per-trace", properties.getMaxSpansPerTrace()),
					atLeastOne("fastagentic.viewer.max-spans", properties.getMaxSpans()));
		}

		private static int atLeastOne(String property, int value) {
			if (value < 1) {
				throw new InvalidConfigurationPropertyValueException(property, value,
						"It is a number of traces or spans kept in memory: 1 or more.");
			}
			return value;
		}

		@Bean
		@ConditionalOnMissingBean
		TracesEndpoint fastAgenticTracesEndpoint(RecentTraces recentTraces, FastAgenticViewerProperties properties) {
			return new TracesEndpoint(recentTraces, properties.getJaegerUrl());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(ENABLED)
	@Conditional(TracesEndpointUnavailableCondition.class)
	static class EndpointUnavailableConfiguration {

		@Bean
		TraceViewerNotice fastAgenticTraceViewerNotice() {
			return TraceViewerNotice.warn("The trace viewer is enabled (" + ENABLED
					+ "=true) but the 'traces' actuator endpoint is not available over HTTP, so /actuator/traces/ui "
					+ "answers 404 and no trace is kept: add traces to " + EXPOSURE_INCLUDE
					+ " (for example health,info,traces), and neither list it in "
					+ "management.endpoints.web.exposure.exclude nor set management.endpoint.traces.access to NONE.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = ENABLED, havingValue = false, matchIfMissing = true)
	@Conditional(TracesEndpointIncludedCondition.class)
	static class ViewerDisabledConfiguration {

		@Bean
		TraceViewerNotice fastAgenticTraceViewerNotice() {
			return TraceViewerNotice.info("The 'traces' actuator endpoint is listed in " + EXPOSURE_INCLUDE
					+ " but the trace viewer is off, so /actuator/traces/ui answers 404: set " + ENABLED
					+ "=true to keep the recent traces in memory and serve them.");
		}

	}

	/**
	 * Matches when the {@code traces} endpoint would not be available.
	 */
	static final class TracesEndpointUnavailableCondition extends NoneNestedConditions {

		TracesEndpointUnavailableCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnAvailableEndpoint(TracesEndpoint.class)
		static class Available {

		}

	}

	/**
	 * Matches when {@code traces} is named in the web exposure's include list (not merely
	 * included by {@code *}).
	 */
	static final class TracesEndpointIncludedCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Set<String> include = Binder.get(context.getEnvironment())
				.bind(EXPOSURE_INCLUDE, Bindable.setOf(String.class))
				.orElse(Set.of());
			boolean named = include.stream().anyMatch((id) -> TracesEndpoint.ID.equalsIgnoreCase(id.trim()));
			return named ? ConditionOutcome.match(EXPOSURE_INCLUDE + " names " + TracesEndpoint.ID)
					: ConditionOutcome.noMatch(EXPOSURE_INCLUDE + " does not name " + TracesEndpoint.ID);
		}

	}

}
