package io.fastagentic.correlation;

import java.util.List;

import io.fastagentic.autoconfigure.correlation.FastAgenticCorrelationAutoConfiguration;
import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log lines of an application started as a user starts it: the correlation ids appear in
 * brackets on console lines inside a span, and neither brackets nor empty ids elsewhere
 * or in structured JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationLogLineTests {

	private static final Log logger = LogFactory.getLog(CorrelationLogLineTests.class);

	@Test
	void consoleLineCarriesBracketsOnlyWhenThereAreIds(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			logger.info("outside any span");
			String traceId = logInsideSpan(context);
			List<String> outside = lines(output, "outside any span");
			assertThat(outside).singleElement()
				.satisfies((line) -> assertThat(line).doesNotContain("[trace_id=")
					.doesNotContain("span_id=")
					.doesNotContain("[]"));
			assertThat(lines(output, "inside a span")).singleElement()
				.satisfies((line) -> assertThat(line)
					.containsPattern("\\[trace_id=" + traceId + " span_id=[0-9a-f]{16} run_id= user_id=\\] "));
		}
	}

	@Test
	void structuredJsonCarriesIdsAsFieldsOnlyWhenThereAreIds(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--logging.structured.format.console=logstash")) {
			logger.info("outside any span");
			String traceId = logInsideSpan(context);
			assertThat(lines(output, "outside any span")).singleElement()
				.satisfies((
						line) -> assertThat(line).startsWith("{").doesNotContain("trace_id").doesNotContain("span_id"));
			assertThat(lines(output, "inside a span")).singleElement()
				.satisfies((line) -> assertThat(line).startsWith("{")
					.contains("\"trace_id\":\"" + traceId + "\"")
					.doesNotContain("[trace_id="));
		}
	}

	@AfterEach
	void forgetStructuredFormat() {
		// Boot hands the format to Logback as a system property and leaves it set.
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(TracingApplication.class).web(WebApplicationType.NONE).run(args);
	}

	private static String logInsideSpan(ConfigurableApplicationContext context) {
		Tracer tracer = context.getBean(Tracer.class);
		Span span = tracer.nextSpan().name("work").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			logger.info("inside a span");
		}
		finally {
			span.end();
		}
		return span.context().traceId();
	}

	private static List<String> lines(CapturedOutput output, String message) {
		return output.getOut().lines().filter((line) -> line.contains(message)).toList();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class, FastAgenticOtelAutoConfiguration.class,
			FastAgenticCorrelationAutoConfiguration.class })
	static class TracingApplication {

	}

}
