package io.fastagentic.benchmarks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.fastagentic.autoconfigure.otel.TracingEnvironmentListener;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;

/**
 * Starts the application contexts the in-process benchmarks measure: a servlet
 * application (so every web auto-configuration applies, FastAgentic's filters and aspect
 * included) on a mock servlet context, without a server. Spring Boot builds the one
 * ObservationRegistry, the Micrometer tracing handlers and the one OpenTelemetry SDK,
 * exactly as in an application.
 */
public final class BenchContexts {

	/**
	 * Auto-configurations that no benchmark needs: the sample's classes are on the class
	 * path for the load run, and with them H2 and JDBC, and Spring AI (whose OpenAI
	 * models would want an API key).
	 */
	private static final List<String> UNUSED_AUTO_CONFIGURATIONS = unusedAutoConfigurations();

	private BenchContexts() {
	}

	/**
	 * Start a context with every auto-configuration on the class path, FastAgentic's
	 * included, driven by FastAgentic's settings.
	 * @param source the benchmark's configuration
	 * @param mode the tracing settings
	 * @return the started context
	 */
	public static ConfigurableApplicationContext fastAgentic(Class<?> source, TracingMode mode) {
		List<String> arguments = commonArguments(UNUSED_AUTO_CONFIGURATIONS);
		arguments.addAll(mode.fastAgenticArguments());
		return builder(source).run(arguments.toArray(String[]::new));
	}

	/**
	 * Start a context of stock Spring Boot: FastAgentic's auto-configurations excluded
	 * and its environment listener removed, the mode given as Spring Boot's own
	 * properties.
	 * @param source the benchmark's configuration
	 * @param mode the tracing settings
	 * @return the started context
	 */
	public static ConfigurableApplicationContext plainBoot(Class<?> source, TracingMode mode) {
		List<String> excluded = new ArrayList<>(UNUSED_AUTO_CONFIGURATIONS);
		excluded.addAll(fastAgenticAutoConfigurations());
		List<String> arguments = commonArguments(excluded);
		arguments.addAll(mode.plainBootArguments());
		SpringApplicationBuilder builder = builder(source);
		withoutFastAgenticListener(builder.application());
		return builder.run(arguments.toArray(String[]::new));
	}

	/**
	 * Every FastAgentic auto-configuration, as listed in its imports file.
	 * @return their class names
	 */
	public static List<String> fastAgenticAutoConfigurations() {
		List<String> names = autoConfigurations("io.fastagentic.");
		if (names.isEmpty()) {
			throw new IllegalStateException("FastAgentic's auto-configurations are not on the class path");
		}
		return names;
	}

	private static List<String> unusedAutoConfigurations() {
		List<String> names = new ArrayList<>(
				List.of("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
		names.addAll(autoConfigurations("org.springframework.ai."));
		return List.copyOf(names);
	}

	private static List<String> autoConfigurations(String packagePrefix) {
		List<String> names = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, BenchContexts.class.getClassLoader()).forEach((candidate) -> {
			if (candidate.startsWith(packagePrefix)) {
				names.add(candidate);
			}
		});
		return names;
	}

	/**
	 * Remove the listener that maps {@code FASTAGENTIC_*} onto Spring Boot's properties,
	 * so that an application is configured by Spring Boot alone.
	 * @param application the application to change
	 */
	public static void withoutFastAgenticListener(SpringApplication application) {
		application.setListeners(application.getListeners()
			.stream()
			.filter((listener) -> !(listener instanceof TracingEnvironmentListener))
			.collect(Collectors.toList()));
	}

	private static SpringApplicationBuilder builder(Class<?> source) {
		return new SpringApplicationBuilder(source).web(WebApplicationType.SERVLET).contextFactory((type) -> {
			AnnotationConfigServletWebApplicationContext context = new AnnotationConfigServletWebApplicationContext();
			context.setServletContext(new MockServletContext());
			return context;
		}).bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false);
	}

	private static List<String> commonArguments(List<String> excludedAutoConfigurations) {
		List<String> arguments = new ArrayList<>();
		// Not the sample's application.yml, which is on the class path for the load run.
		arguments.add("--spring.config.name=fastagentic-benchmarks");
		arguments.add("--spring.application.name=fastagentic-benchmarks");
		arguments.add("--spring.autoconfigure.exclude=" + String.join(",", excludedAutoConfigurations));
		arguments.add("--logging.level.root=WARN");
		// No collector in process: no metrics push either (FastAgentic derives the same).
		arguments.add("--management.otlp.metrics.export.enabled=false");
		return arguments;
	}

}
