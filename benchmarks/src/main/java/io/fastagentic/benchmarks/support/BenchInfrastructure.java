package io.fastagentic.benchmarks.support;

import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exporter and the counter of the in-process benchmarks, for both FastAgentic and its
 * peer. Spring Boot puts the exporter behind its batch span processor (FastAgentic wraps
 * it to monitor exports, as it wraps the OTLP exporter in an application).
 */
@Configuration(proxyBeanMethods = false)
public class BenchInfrastructure {

	@Bean
	CountingSpanExporter countingSpanExporter() {
		return new CountingSpanExporter();
	}

	@Bean
	SpanCounter spanCounter() {
		return new SpanCounter();
	}

	/**
	 * Flush the export pipeline of a context and count what happened to its spans.
	 * @param context the context
	 * @return the counts
	 */
	public static Instrumentation.SpanCounts counts(ApplicationContext context) {
		context.getBean(SdkTracerProvider.class).forceFlush().join(30, java.util.concurrent.TimeUnit.SECONDS);
		SpanCounter counter = context.getBean(SpanCounter.class);
		long exported = context.getBean(CountingSpanExporter.class).exported();
		long sampled = counter.sampled();
		return new Instrumentation.SpanCounts(counter.recorded(), sampled, exported, Math.max(0, sampled - exported));
	}

}
