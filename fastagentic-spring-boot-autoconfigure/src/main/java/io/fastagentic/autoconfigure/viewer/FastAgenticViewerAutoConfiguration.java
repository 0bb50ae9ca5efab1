package io.fastagentic.autoconfigure.viewer;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.viewer.RecentTraces;
import io.fastagentic.viewer.TracesEndpoint;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the local trace viewer: the {@link RecentTraces} span sink, fed
 * by Spring Boot's batch span processor next to the collector exporters, and the
 * {@code traces} actuator endpoint that serves them with a page. Off unless
 * {@code fastagentic.viewer.enabled=true}, and then only when the endpoint is exposed
 * ({@code management.endpoints.web.exposure.include}), so that nothing is recorded for
 * nobody.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = FastAgenticOtelAutoConfiguration.class)
@ConditionalOnClass({ SpanExporter.class, WebEndpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("fastagentic.viewer.enabled")
@ConditionalOnAvailableEndpoint(TracesEndpoint.class)
@EnableConfigurationProperties(FastAgenticViewerProperties.class)
public final class FastAgenticViewerAutoConfiguration {

	FastAgenticViewerAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	RecentTraces fastAgenticRecentTraces(FastAgenticViewerProperties properties) {
		return new RecentTraces(properties.getMaxTraces(), properties.getMaxSpansPerTrace());
	}

	@Bean
	@ConditionalOnMissingBean
	TracesEndpoint fastAgenticTracesEndpoint(RecentTraces recentTraces, FastAgenticViewerProperties properties) {
		return new TracesEndpoint(recentTraces, properties.getJaegerUrl());
	}

}
