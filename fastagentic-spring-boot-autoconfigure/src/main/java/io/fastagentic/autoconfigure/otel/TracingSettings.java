package io.fastagentic.autoconfigure.otel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryResourceAttributes;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * The {@code fastagentic.otel.*} settings as resolved from every property source,
 * validated, and translated into the Spring Boot properties they drive.
 *
 * @author FastAgentic
 */
final class TracingSettings {

	private static final String DEFAULT_SERVICE_NAME = "fastagentic-agent";

	private static final String BOOT_DEFAULT_SERVICE_NAME = "unknown_service";

	private static final String OTLP = "management.opentelemetry.tracing.export.otlp.";

	private static final String RESOURCE_ATTRIBUTES = "management.opentelemetry.resource-attributes";

	private static final String OTLP_METRICS = "management.otlp.metrics.export.";

	private static final String SAMPLING_PROBABILITY = "management.tracing.sampling.probability";

	/**
	 * Console log correlation: the documented ids, by name, in brackets that Logback's
	 * {@code %replace} drops when every id is empty (a line outside a request).
	 */
	static final String CORRELATION_PATTERN = "%replace([trace_id=%X{trace_id:-} span_id=%X{span_id:-} run_id=%X{run_id:-} user_id=%X{user_id:-}] ){'^.trace_id= span_id= run_id= user_id=. $', ''}";

	private final Map<TracingSetting, String> values;

	private final Map<String, String> headers;

	private TracingSettings(Map<TracingSetting, String> values, Map<String, String> headers) {
		this.values = values;
		this.headers = headers;
	}

	/**
	 * Read and validate every setting.
	 * @param environment the environment
	 * @return the settings
	 * @throws InvalidTracingPropertyException if a value is not accepted
	 */
	static TracingSettings read(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		Map<TracingSetting, String> values = new LinkedHashMap<>();
		for (TracingSetting setting : TracingSetting.values()) {
			if (setting == TracingSetting.HEADERS || setting == TracingSetting.PROPAGATORS) {
				continue;
			}
			String value = binder.bind(setting.property(), String.class).orElse(null);
			if (StringUtils.hasText(value)) {
				if (!setting.accepts(value)) {
					throw setting.invalid(value);
				}
				values.put(setting, value.trim());
			}
		}
		List<String> propagators = binder.bind(TracingSetting.PROPAGATORS.property(), Bindable.listOf(String.class))
			.orElse(List.of());
		for (String propagator : propagators) {
			if (!TracingSetting.PROPAGATORS.accepts(propagator)) {
				throw TracingSetting.PROPAGATORS.invalid(String.join(",", propagators));
			}
		}
		Map<String, String> headers = binder
			.bind(TracingSetting.HEADERS.property(), Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		for (String name : headers.keySet()) {
			if (!TracingSetting.HEADERS.accepts(name)) {
				throw TracingSetting.HEADERS.invalid(name);
			}
		}
		return new TracingSettings(values, headers);
	}

	/**
	 * The Spring Boot properties these settings drive. Only what FastAgentic decides is
	 * returned; everything else is left to Boot and its {@code OTEL_*} mapping.
	 * @param environment the environment, for the fallbacks
	 * @param resourceLoader where to find {@code build-info.properties}
	 * @return property names and values
	 */
	Map<String, Object> toBootProperties(ConfigurableEnvironment environment, ResourceLoader resourceLoader) {
		Binder binder = Binder.get(environment);
		Map<String, Object> properties = new LinkedHashMap<>();
		boolean grpc = isGrpc(binder);
		String endpoint = this.values.get(TracingSetting.ENDPOINT);
		if (endpoint != null) {
			properties.put(OTLP + "endpoint", grpc ? endpoint : signalUrl(endpoint, "v1/traces"));
		}
		if (endpoint != null || this.values.containsKey(TracingSetting.PROTOCOL)) {
			properties.put(OTLP + "transport", grpc ? "grpc" : "http");
		}
		this.headers.forEach((name, value) -> properties.put(OTLP + "headers[" + name + "]", value));
		putMetricsExport(binder, endpoint, grpc, properties);
		putResourceAttributes(environment, binder, resourceLoader, properties);
		if ("false".equalsIgnoreCase(this.values.get(TracingSetting.TRACES_ENABLED))) {
			properties.put("management.tracing.export.enabled", "false");
			properties.put("management.opentelemetry.tracing.sampler", "always-off");
		}
		putCorrelationDefaults(binder, properties);
		String sampleRate = this.values.get(TracingSetting.SAMPLE_RATE);
		if (sampleRate != null || !binder.bind(SAMPLING_PROBABILITY, String.class).isBound()) {
			// Boot keeps 10 % by default; FastAgentic's documented default is 100 %.
			properties.put(SAMPLING_PROBABILITY, (sampleRate != null) ? sampleRate : "1.0");
		}
		return properties;
	}

	/**
	 * Spring Boot's OTLP meter registry (HTTP only) pushes to localhost:4318 unless told
	 * otherwise: send metrics where the traces go, and switch the push off when there is
	 * nowhere to send them, so an application without a collector logs no export errors.
	 */
	private void putMetricsExport(Binder binder, @Nullable String endpoint, boolean grpc,
			Map<String, Object> properties) {
		if (endpoint != null && !grpc) {
			properties.put(OTLP_METRICS + "url", signalUrl(endpoint, "v1/metrics"));
			this.headers.forEach((name, value) -> properties.put(OTLP_METRICS + "headers[" + name + "]", value));
		}
		else if (!binder.bind(OTLP_METRICS + "url", String.class).isBound()
				&& !binder.bind(OTLP_METRICS + "enabled", String.class).isBound()) {
			properties.put(OTLP_METRICS + "enabled", "false");
		}
	}

	/**
	 * Defaults that put {@code run_id} and {@code user_id} into every log line, on every
	 * thread a run hops to through Spring's task executor; each yields to a value the
	 * user set.
	 */
	private static void putCorrelationDefaults(Binder binder, Map<String, Object> properties) {
		putIfUnbound(binder, properties, "logging.pattern.correlation", CORRELATION_PATTERN);
		putIfUnbound(binder, properties, "spring.task.execution.propagate-context", "true");
	}

	private static void putIfUnbound(Binder binder, Map<String, Object> properties, String name, String value) {
		if (!binder.bind(name, Bindable.of(Object.class)).isBound()) {
			properties.put(name, value);
		}
	}

	private boolean isGrpc(Binder binder) {
		String configured = this.values.get(TracingSetting.PROTOCOL);
		if (configured == null) {
			// Fall back to Boot's transport, which OTEL_EXPORTER_OTLP_PROTOCOL sets.
			configured = binder.bind(OTLP + "transport", String.class).orElse("http");
		}
		return TracingSetting.isGrpc(configured);
	}

	private void putResourceAttributes(ConfigurableEnvironment environment, Binder binder,
			ResourceLoader resourceLoader, Map<String, Object> properties) {
		Map<String, String> configured = binder.bind(RESOURCE_ATTRIBUTES, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		Map<String, String> effective = new LinkedHashMap<>();
		new OpenTelemetryResourceAttributes(environment, configured).applyTo(effective::put);
		String serviceName = this.values.get(TracingSetting.SERVICE_NAME);
		if (serviceName == null && BOOT_DEFAULT_SERVICE_NAME.equals(effective.get("service.name"))) {
			serviceName = DEFAULT_SERVICE_NAME;
		}
		if (serviceName != null) {
			properties.put(RESOURCE_ATTRIBUTES + "[service.name]", serviceName);
		}
		String serviceVersion = this.values.get(TracingSetting.SERVICE_VERSION);
		if (serviceVersion == null && !effective.containsKey("service.version")) {
			serviceVersion = buildVersion(environment, resourceLoader);
		}
		if (serviceVersion != null) {
			properties.put(RESOURCE_ATTRIBUTES + "[service.version]", serviceVersion);
		}
	}

	/**
	 * The OTLP/HTTP URL of one signal under a collector base URL, as the OpenTelemetry
	 * specification builds it from {@code OTEL_EXPORTER_OTLP_ENDPOINT}: the signal path
	 * joined to the base path, the query kept. A base URL that already ends with a signal
	 * path ({@code /v1/traces}) is taken as that signal's URL and its base for others.
	 */
	private static String signalUrl(String endpoint, String signalPath) {
		URI uri = URI.create(endpoint);
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		path = path.replaceFirst("/v1/(traces|metrics|logs)$", "/");
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return uri.getScheme() + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/") + signalPath
				+ query;
	}

	private static @Nullable String buildVersion(ConfigurableEnvironment environment, ResourceLoader resourceLoader) {
		String location = environment.getProperty("spring.info.build.location",
				"classpath:META-INF/build-info.properties");
		Resource resource = resourceLoader.getResource(location);
		if (!resource.exists()) {
			return null;
		}
		try (InputStream input = resource.getInputStream()) {
			Properties buildInfo = new Properties();
			buildInfo.load(input);
			return buildInfo.getProperty("build.version");
		}
		catch (IOException ex) {
			return null;
		}
	}

}
