package io.fastagentic.autoconfigure.correlation;

import java.util.List;

import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.correlation.AgentTracer;
import io.fastagentic.correlation.CorrelatedSlf4JEventListener;
import io.fastagentic.correlation.CorrelationKeys;
import io.fastagentic.correlation.CorrelationMdcEventListener;
import io.fastagentic.correlation.MicrometerAgentTracer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the correlated ids in logs and of the custom span facade. The
 * trace and span ids go into the MDC as {@code trace_id} and {@code span_id} (replacing
 * Spring Boot's {@code traceId}/{@code spanId}); {@code run_id} and {@code user_id}
 * follow the current context ({@link AgentCorrelation}) into the MDC.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass(Tracer.class)
public final class FastAgenticCorrelationAutoConfiguration {

	FastAgenticCorrelationAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	AgentTracer agentTracer(ObjectProvider<Tracer> tracer) {
		return new MicrometerAgentTracer(tracer.getIfAvailable(() -> Tracer.NOOP));
	}

	/**
	 * One listener writes every id into the MDC. Should the application define its own
	 * {@link Slf4JEventListener} or {@link CorrelationMdcEventListener}, FastAgentic
	 * supplies the other one alone.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Slf4JEventListener.class, MDC.class })
	static class MdcConfiguration {

		@Bean
		@ConditionalOnMissingBean({ Slf4JEventListener.class, CorrelationMdcEventListener.class })
		CorrelatedSlf4JEventListener fastAgenticSlf4JEventListener(Environment environment) {
			return new CorrelatedSlf4JEventListener(correlationMdc(environment));
		}

		@Bean
		@ConditionalOnMissingBean
		Slf4JEventListener fastAgenticTraceIdEventListener() {
			return new Slf4JEventListener(CorrelationKeys.TRACE_ID, CorrelationKeys.SPAN_ID);
		}

		@Bean
		@ConditionalOnMissingBean({ CorrelationMdcEventListener.class, CorrelatedSlf4JEventListener.class })
		CorrelationMdcEventListener correlationMdcEventListener(Environment environment) {
			return correlationMdc(environment);
		}

		private static CorrelationMdcEventListener correlationMdc(Environment environment) {
			List<String> baggageFields = Binder.get(environment)
				.bind("management.tracing.baggage.correlation.fields", Bindable.listOf(String.class))
				.orElse(List.of());
			return new CorrelationMdcEventListener(
					baggageFields.contains(CorrelationKeys.RUN_ID) || baggageFields.contains(CorrelationKeys.USER_ID));
		}

	}

}
