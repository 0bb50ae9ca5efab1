package io.fastagentic.autoconfigure.otel;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Maps the documented {@code FASTAGENTIC_*} environment variables onto
 * {@code fastagentic.otel.*}, validates the result, and drives Spring Boot's own
 * OpenTelemetry properties from it.
 * <p>
 * Two property sources are added. The first holds the environment variables under their
 * property names, just above the system environment, so an environment variable beats
 * {@code application.yml} and a system property or command-line argument beats it, as
 * everywhere in Spring. The second holds the {@code management.*} settings derived from
 * {@code fastagentic.otel.*} and sits first, so FastAgentic's settings win over Spring
 * Boot's mapping of the {@code OTEL_*} variables, which stays in place as the fallback.
 * <p>
 * This is a listener ordered right after the
 * {@link EnvironmentPostProcessorApplicationListener} rather than an environment
 * post-processor, because it must see the property source that Boot's (unordered)
 * OpenTelemetry post-processor adds, and an unordered post-processor has no defined place
 * relative to another.
 *
 * @author FastAgentic
 */
public class TracingEnvironmentListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/**
	 * Name of the property source holding the {@code FASTAGENTIC_*} variables.
	 */
	public static final String ENVIRONMENT_VARIABLES_SOURCE = "fastagenticEnvironmentVariables";

	/**
	 * Name of the property source holding the derived Spring Boot settings.
	 */
	public static final String BOOT_SETTINGS_SOURCE = "fastagenticTracingSettings";

	private static final String BOOT_OPENTELEMETRY_CLASS = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryResourceAttributes";

	private final Function<String, @Nullable String> systemEnvironment;

	/**
	 * Create a listener reading the process environment.
	 */
	public TracingEnvironmentListener() {
		this(System::getenv);
	}

	TracingEnvironmentListener(Function<String, @Nullable String> systemEnvironment) {
		this.systemEnvironment = systemEnvironment;
	}

	@Override
	public int getOrder() {
		return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		apply(event.getEnvironment(), new DefaultResourceLoader(classLoader));
	}

	/**
	 * Map, validate and derive the settings of an environment. Also useful in tests that
	 * build a context without a {@code SpringApplication}.
	 * @param environment the environment to add the property sources to
	 * @param resourceLoader where to find {@code build-info.properties}
	 * @throws InvalidTracingPropertyException if a setting has a value it does not accept
	 */
	public void apply(ConfigurableEnvironment environment, ResourceLoader resourceLoader) {
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(ENVIRONMENT_VARIABLES_SOURCE);
		sources.remove(BOOT_SETTINGS_SOURCE);
		Map<String, Object> variables = mapEnvironmentVariables();
		if (!variables.isEmpty()) {
			OriginTrackedMapPropertySource source = new OriginTrackedMapPropertySource(ENVIRONMENT_VARIABLES_SOURCE,
					variables);
			if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
				sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
			}
			else {
				sources.addLast(source);
			}
		}
		TracingSettings settings = TracingSettings.read(environment);
		if (!ClassUtils.isPresent(BOOT_OPENTELEMETRY_CLASS, resourceLoader.getClassLoader())) {
			return;
		}
		Map<String, Object> bootSettings = settings.toBootProperties(environment, resourceLoader);
		if (!bootSettings.isEmpty()) {
			sources.addFirst(new MapPropertySource(BOOT_SETTINGS_SOURCE, bootSettings));
		}
	}

	private Map<String, Object> mapEnvironmentVariables() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (TracingSetting setting : TracingSetting.values()) {
			String value = this.systemEnvironment.apply(setting.environmentVariable());
			if (!StringUtils.hasText(value)) {
				continue;
			}
			SystemEnvironmentOrigin origin = new SystemEnvironmentOrigin(setting.environmentVariable());
			if (setting == TracingSetting.HEADERS) {
				parseHeaders(value).forEach((name, headerValue) -> properties.put(setting.property() + "[" + name + "]",
						OriginTrackedValue.of(headerValue, origin)));
			}
			else {
				properties.put(setting.property(), OriginTrackedValue.of(value.trim(), origin));
			}
		}
		return properties;
	}

	/**
	 * Parse {@code k=v,k2=v2} as the OpenTelemetry specification defines it for
	 * {@code OTEL_EXPORTER_OTLP_HEADERS}: values are percent-decoded.
	 * @param value the variable's value
	 * @return the headers in their order
	 */
	static Map<String, String> parseHeaders(String value) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String entry : value.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int separator = entry.indexOf('=');
			String name = (separator > 0) ? entry.substring(0, separator).trim() : "";
			if (!TracingSetting.HEADERS.accepts(name)) {
				throw TracingSetting.HEADERS.invalid(entry);
			}
			try {
				headers.put(name, StringUtils.uriDecode(entry.substring(separator + 1).trim(), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw TracingSetting.HEADERS.invalid(entry);
			}
		}
		return headers;
	}

}
