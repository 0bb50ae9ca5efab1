package io.fastagentic.autoconfigure.otel;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TracingEnvironmentListener}: each documented environment variable, the
 * property it sets, the Spring Boot setting it drives, and precedence.
 */
class TracingEnvironmentListenerTests {

	private static final String OTLP = "management.opentelemetry.tracing.export.otlp.";

	private final Map<String, String> variables = new HashMap<>();

	private final StandardEnvironment environment = new StandardEnvironment();

	private final DefaultResourceLoader resourceLoader = new DefaultResourceLoader();

	@ParameterizedTest(name = "{0} sets {1}")
	@CsvSource({ "FASTAGENTIC_OTEL_ENDPOINT, fastagentic.otel.endpoint, http://collector:4318",
			"FASTAGENTIC_OTEL_SERVICE_NAME, fastagentic.otel.service-name, my-agent",
			"FASTAGENTIC_OTEL_SERVICE_VERSION, fastagentic.otel.service-version, 1.0.0",
			"FASTAGENTIC_TRACES_ENABLED, fastagentic.otel.traces-enabled, false",
			"FASTAGENTIC_OTEL_SAMPLE_RATE, fastagentic.otel.sample-rate, 0.1",
			"FASTAGENTIC_OTEL_SAMPLE_ERRORS, fastagentic.otel.sample-errors, true",
			"FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD, fastagentic.otel.sample-slow-threshold, 5000",
			"FASTAGENTIC_OTEL_PROPAGATORS, fastagentic.otel.propagators, 'tracecontext,baggage,b3'",
			"FASTAGENTIC_OTEL_PROTOCOL, fastagentic.otel.protocol, grpc",
			"FASTAGENTIC_LOG_LEVEL, logging.level.io.fastagentic, DEBUG",
			"OTEL_LOG_LEVEL, logging.level.io.opentelemetry, DEBUG" })
	void environmentVariableSetsItsProperty(String variable, String property, String value) {
		this.variables.put(variable, value);
		apply();
		assertThat(this.environment.getProperty(property)).isEqualTo(value);
		assertThat(this.environment.getPropertySources()
			.get(TracingEnvironmentListener.ENVIRONMENT_VARIABLES_SOURCE)
			.getProperty(property)).hasToString(value);
	}

	@Test
	void endpointDrivesBootOtlpEndpointWithTracesPathForHttp() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4318");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://otel-collector:4318/v1/traces");
		assertThat(this.environment.getProperty(OTLP + "transport")).isEqualTo("http");
	}

	@Test
	void endpointWithTrailingSlashOrTracesPathIsNotDoubled() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "https://api.honeycomb.io/");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("https://api.honeycomb.io/v1/traces");
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://c:4318/v1/traces");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://c:4318/v1/traces");
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "https://u:p@gateway:443/otlp?tenant=a");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint"))
			.isEqualTo("https://u:p@gateway:443/otlp/v1/traces?tenant=a");
	}

	@Test
	void endpointAndHeadersAlsoCarryOtlpMetrics() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4318/v1/traces");
		this.variables.put("FASTAGENTIC_OTEL_HEADERS", "x-honeycomb-team=KEY");
		apply();
		assertThat(this.environment.getProperty("management.otlp.metrics.export.url"))
			.isEqualTo("http://otel-collector:4318/v1/metrics");
		assertThat(Binder.get(this.environment)
			.bind("management.otlp.metrics.export.headers", Bindable.mapOf(String.class, String.class))
			.get()).containsEntry("x-honeycomb-team", "KEY");
		assertThat(this.environment.containsProperty("management.otlp.metrics.export.enabled")).isFalse();
	}

	@Test
	void metricsPushIsOffWhenThereIsNowhereToSendIt() {
		apply();
		assertThat(this.environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
	}

	@Test
	void configuredMetricsExportIsLeftAlone() {
		bootOtelVariables(Map.of("management.otlp.metrics.export.url", "http://from-otel:4318/v1/metrics"));
		apply();
		assertThat(this.environment.containsProperty("management.otlp.metrics.export.enabled")).isFalse();
		assertThat(this.environment.getProperty("management.otlp.metrics.export.url"))
			.isEqualTo("http://from-otel:4318/v1/metrics");
	}

	@Test
	void grpcProtocolUsesEndpointAsItIs() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4317");
		this.variables.put("FASTAGENTIC_OTEL_PROTOCOL", "grpc");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://otel-collector:4317");
		assertThat(this.environment.getProperty(OTLP + "transport")).isEqualTo("grpc");
	}

	@Test
	void noEndpointLeavesBootWithoutExportEndpoint() {
		apply();
		assertThat(this.environment.containsProperty(OTLP + "endpoint")).isFalse();
		assertThat(this.environment.containsProperty(OTLP + "transport")).isFalse();
	}

	@Test
	void headersAreParsedPercentDecodedAndDriveOtlpHeaders() {
		this.variables.put("FASTAGENTIC_OTEL_HEADERS", "x-honeycomb-team=abc+def%3D, x-honeycomb-dataset=agents");
		apply();
		Map<String, String> headers = Binder.get(this.environment)
			.bind(OTLP + "headers", Bindable.mapOf(String.class, String.class))
			.get();
		assertThat(headers).containsExactlyInAnyOrderEntriesOf(
				Map.of("x-honeycomb-team", "abc+def=", "x-honeycomb-dataset", "agents"));
		assertThat(Binder.get(this.environment)
			.bind("fastagentic.otel.headers", Bindable.mapOf(String.class, String.class))
			.get()).containsEntry("x-honeycomb-team", "abc+def=");
	}

	@Test
	void serviceNameAndVersionDriveResourceAttributes() {
		this.variables.put("FASTAGENTIC_OTEL_SERVICE_NAME", "my-agent");
		this.variables.put("FASTAGENTIC_OTEL_SERVICE_VERSION", "1.0.0");
		apply();
		assertThat(resourceAttributes()).containsEntry("service.name", "my-agent")
			.containsEntry("service.version", "1.0.0");
	}

	@Test
	void serviceNameDefaultsToApplicationNameThenFastAgenticAgent() {
		apply();
		assertThat(resourceAttributes()).containsEntry("service.name", "fastagentic-agent");
		yml(Map.of("spring.application.name", "billing-agent"));
		apply();
		assertThat(resourceAttributes()).doesNotContainKey("service.name");
	}

	@Test
	void standardResourceAttributesAreTheFallbackForServiceName() {
		yml(Map.of("management.opentelemetry.resource-attributes.service.name", "from-otel"));
		apply();
		assertThat(this.environment.getProperty("management.opentelemetry.resource-attributes.service.name"))
			.isEqualTo("from-otel");
		this.variables.put("FASTAGENTIC_OTEL_SERVICE_NAME", "from-fastagentic");
		apply();
		assertThat(resourceAttributes()).containsEntry("service.name", "from-fastagentic");
	}

	@Test
	void serviceVersionDefaultsToBuildInfo() {
		Resource buildInfo = new ByteArrayResource("build.version=2.3.4\nbuild.name=agent\n".getBytes());
		DefaultResourceLoader loader = new DefaultResourceLoader() {
			@Override
			public Resource getResource(String location) {
				return "classpath:META-INF/build-info.properties".equals(location) ? buildInfo
						: super.getResource(location);
			}
		};
		new TracingEnvironmentListener(this.variables::get).apply(this.environment, loader);
		assertThat(resourceAttributes()).containsEntry("service.version", "2.3.4");
	}

	@Test
	void sampleRateDrivesSamplingProbabilityAndDefaultsToEverything() {
		apply();
		assertThat(this.environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
		this.variables.put("FASTAGENTIC_OTEL_SAMPLE_RATE", "0.25");
		apply();
		assertThat(this.environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
	}

	@Test
	void tracesDisabledTurnsOffExportAndRecording() {
		this.variables.put("FASTAGENTIC_TRACES_ENABLED", "false");
		apply();
		assertThat(this.environment.getProperty("management.tracing.export.enabled")).isEqualTo("false");
		assertThat(this.environment.getProperty("management.opentelemetry.tracing.sampler")).isEqualTo("always-off");
	}

	@Test
	void fastAgenticVariableBeatsOtelVariableMappedByBoot() {
		bootOtelVariables(Map.of(OTLP + "endpoint", "http://from-otel:4318/v1/traces", OTLP + "transport", "grpc",
				"management.tracing.sampling.probability", "0.5"));
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://from-fastagentic:4318");
		this.variables.put("FASTAGENTIC_OTEL_PROTOCOL", "http/protobuf");
		this.variables.put("FASTAGENTIC_OTEL_SAMPLE_RATE", "0.1");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://from-fastagentic:4318/v1/traces");
		assertThat(this.environment.getProperty(OTLP + "transport")).isEqualTo("http");
		assertThat(this.environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
	}

	@Test
	void otelVariablesMappedByBootRemainTheFallback() {
		bootOtelVariables(Map.of(OTLP + "endpoint", "http://from-otel:4317", OTLP + "transport", "grpc",
				"management.tracing.sampling.probability", "0.5"));
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://from-otel:4317");
		assertThat(this.environment.getProperty(OTLP + "transport")).isEqualTo("grpc");
		assertThat(this.environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.5");
	}

	@Test
	void fastAgenticEndpointFollowsOtelProtocolWhenItsOwnIsUnset() {
		bootOtelVariables(Map.of(OTLP + "transport", "grpc"));
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://collector:4317");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://collector:4317");
		assertThat(this.environment.getProperty(OTLP + "transport")).isEqualTo("grpc");
	}

	@Test
	void environmentVariableBeatsApplicationYml() {
		yml(Map.of("fastagentic.otel.endpoint", "http://from-yml:4318", "fastagentic.otel.sample-rate", "0.3"));
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://from-env:4318");
		apply();
		assertThat(this.environment.getProperty("fastagentic.otel.endpoint")).isEqualTo("http://from-env:4318");
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://from-env:4318/v1/traces");
		assertThat(this.environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.3");
	}

	@Test
	void sdkAttributeLengthLimitIsLeftToBoot() {
		// FastAgentic cuts long values as they are exported; the SDK's limit, checked
		// for every value set on a span, stays Boot's (unlimited unless set).
		apply();
		assertThat(this.environment.getProperty("management.opentelemetry.tracing.limits.max-attribute-value-length"))
			.isNull();
	}

	@Test
	void ymlSettingsDriveBootToo() {
		yml(Map.of("fastagentic.otel.endpoint", "http://from-yml:4318", "fastagentic.otel.headers.x-api-key",
				"secret"));
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://from-yml:4318/v1/traces");
		assertThat(
				Binder.get(this.environment).bind(OTLP + "headers", Bindable.mapOf(String.class, String.class)).get())
			.containsEntry("x-api-key", "secret");
	}

	@Test
	void applyingTwiceReplacesEarlierSources() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://first:4318");
		apply();
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://second:4318");
		apply();
		assertThat(this.environment.getProperty(OTLP + "endpoint")).isEqualTo("http://second:4318/v1/traces");
		assertThat(this.environment.getPropertySources()
			.stream()
			.filter((source) -> source.getName().startsWith("fastagentic"))).hasSize(2);
	}

	@ParameterizedTest(name = "{0}={1} is rejected")
	@CsvSource(delimiter = '|',
			value = { "FASTAGENTIC_OTEL_SAMPLE_RATE|abc|a number from 0.0 to 1.0",
					"FASTAGENTIC_OTEL_SAMPLE_RATE|1.5|a number from 0.0 to 1.0",
					"FASTAGENTIC_OTEL_SAMPLE_RATE|-0.1|a number from 0.0 to 1.0",
					"FASTAGENTIC_OTEL_ENDPOINT|otel-collector:4318|an http:// or https:// URL",
					"FASTAGENTIC_OTEL_ENDPOINT|ftp://collector|an http:// or https:// URL",
					"FASTAGENTIC_OTEL_PROTOCOL|http/json|http/protobuf, or grpc once a gRPC sender is on the classpath",
					"FASTAGENTIC_OTEL_PROPAGATORS|tracecontext,xray|tracecontext, baggage, b3, b3multi, jaeger",
					"FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD|-1|a non-negative duration",
					"FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD|abc|a non-negative duration",
					"FASTAGENTIC_TRACES_ENABLED|yes|true or false", "FASTAGENTIC_OTEL_SAMPLE_ERRORS|1|true or false",
					"FASTAGENTIC_LOG_LEVEL|LOUD|TRACE, DEBUG, INFO, WARN, ERROR, OFF" })
	void invalidValueFailsNamingVariablePropertyAndAcceptedValues(String variable, String value, String accepted) {
		this.variables.put(variable, value);
		TracingSetting setting = setting(variable);
		assertThatExceptionOfType(InvalidTracingPropertyException.class).isThrownBy(this::apply).satisfies((ex) -> {
			assertThat(ex.getEnvironmentVariable()).isEqualTo(variable);
			assertThat(ex.getProperty()).isEqualTo(setting.property());
			assertThat(ex.getAcceptedValues()).contains(accepted);
			assertThat(ex.getMessage()).contains(variable, setting.property(), "'" + value + "'", accepted);
		});
	}

	@Test
	void invalidYmlValueFailsNamingPropertyAndVariable() {
		yml(Map.of("fastagentic.otel.sample-rate", "2"));
		assertThatExceptionOfType(InvalidTracingPropertyException.class).isThrownBy(this::apply)
			.withMessageContaining("fastagentic.otel.sample-rate")
			.withMessageContaining("FASTAGENTIC_OTEL_SAMPLE_RATE");
	}

	@Test
	void malformedHeadersFailWithoutShowingTheSecret() {
		this.variables.put("FASTAGENTIC_OTEL_HEADERS", "x-honeycomb-team=SECRET123,garbage");
		assertThatExceptionOfType(InvalidTracingPropertyException.class).isThrownBy(this::apply).satisfies((ex) -> {
			assertThat(ex.getEnvironmentVariable()).isEqualTo("FASTAGENTIC_OTEL_HEADERS");
			assertThat(ex.getValue()).isNull();
			assertThat(ex.getMessage()).doesNotContain("SECRET123").contains("key=value");
		});
	}

	@Test
	void headerWithInvalidNameFailsWithoutShowingTheSecret() {
		this.variables.put("FASTAGENTIC_OTEL_HEADERS", "bad header=SECRET123");
		assertThatExceptionOfType(InvalidTracingPropertyException.class).isThrownBy(this::apply)
			.withMessageNotContaining("SECRET123");
	}

	private void apply() {
		new TracingEnvironmentListener(this.variables::get).apply(this.environment, this.resourceLoader);
	}

	private void yml(Map<String, Object> properties) {
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'application.yml'", new HashMap<>(properties)));
	}

	private void bootOtelVariables(Map<String, Object> properties) {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("openTelemetryEnvironmentVariables", new HashMap<>(properties)));
	}

	private Map<String, String> resourceAttributes() {
		return Binder.get(this.environment)
			.bind("management.opentelemetry.resource-attributes", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
	}

	private static TracingSetting setting(String variable) {
		for (TracingSetting setting : TracingSetting.values()) {
			if (setting.environmentVariable().equals(variable)) {
				return setting;
			}
		}
		throw new IllegalArgumentException(variable);
	}

}
