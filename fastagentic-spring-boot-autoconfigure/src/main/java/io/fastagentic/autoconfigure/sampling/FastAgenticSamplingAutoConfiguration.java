package io.fastagentic.autoconfigure.sampling;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelProperties;
import io.fastagentic.sampling.RuleBasedSampler;
import io.fastagentic.sampling.SamplingMonitor;
import io.fastagentic.sampling.TailSamplingSpanProcessor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the rules that keep the whole traces of failed
 * ({@code FASTAGENTIC_OTEL_SAMPLE_ERRORS}) and slow
 * ({@code FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD}) requests whatever the sample rate.
 * With both rules off, nothing here exists and sampling is Spring Boot's head sampling.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ Sampler.class, OpenTelemetryTracingAutoConfiguration.class })
@Conditional(OnSamplingRulesCondition.class)
@EnableConfigurationProperties({ FastAgenticOtelProperties.class, TracingProperties.class })
public final class FastAgenticSamplingAutoConfiguration {

	FastAgenticSamplingAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SamplingMonitor samplingMonitor() {
		return new SamplingMonitor();
	}

	@Bean
	@ConditionalOnMissingBean
	Sampler fastAgenticSampler(TracingProperties tracingProperties) {
		return RuleBasedSampler.create(tracingProperties.getSampling().getProbability());
	}

	@Bean
	@ConditionalOnMissingBean
	TailSamplingSpanProcessor tailSamplingSpanProcessor(ObjectProvider<BatchSpanProcessor> exportPipeline,
			FastAgenticOtelProperties properties, SamplingMonitor monitor, ObjectProvider<SpanLimits> spanLimits) {
		FastAgenticOtelProperties.Sampling sampling = properties.getSampling();
		return new TailSamplingSpanProcessor(() -> {
			BatchSpanProcessor batchSpanProcessor = exportPipeline.getIfAvailable();
			return (batchSpanProcessor != null) ? batchSpanProcessor : SpanProcessor.composite();
		}, new TailSamplingSpanProcessor.Rules(properties.isSampleErrors(), properties.getSampleSlowThreshold()),
				new TailSamplingSpanProcessor.Limits(sampling.getMaxBufferedTraces(), sampling.getMaxBufferedSpans(),
						sampling.getBufferTimeout()),
				Clock.getDefault(), monitor, spanLimits.getIfAvailable(SpanLimits::getDefault));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class SamplingMetricsConfiguration {

		@Bean
		MeterBinder samplingMetrics(SamplingMonitor monitor) {
			return (registry) -> {
				for (String reason : new String[] { "ratio", "error", "slow" }) {
					FunctionCounter.builder("fastagentic.sampling.traces", monitor, (counts) -> counts.kept(reason))
						.description("Traces by sampling decision")
						.tags("decision", "kept", "reason", reason)
						.register(registry);
				}
				FunctionCounter.builder("fastagentic.sampling.traces", monitor, SamplingMonitor::discarded)
					.description("Traces by sampling decision")
					.tags("decision", "discarded", "reason", "none")
					.register(registry);
				FunctionCounter.builder("fastagentic.sampling.traces", monitor, SamplingMonitor::evicted)
					.description("Traces by sampling decision")
					.tags("decision", "evicted", "reason", "none")
					.register(registry);
				Gauge.builder("fastagentic.sampling.buffered.traces", monitor, SamplingMonitor::bufferedTraces)
					.description("Traces waiting for their root span to end")
					.register(registry);
				Gauge.builder("fastagentic.sampling.buffered.spans", monitor, SamplingMonitor::bufferedSpans)
					.description("Spans waiting for their trace's decision")
					.register(registry);
			};
		}

	}

}
