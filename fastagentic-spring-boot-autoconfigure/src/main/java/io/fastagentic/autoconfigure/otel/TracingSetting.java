package io.fastagentic.autoconfigure.otel;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * Every documented {@code FASTAGENTIC_*} environment variable, the property it sets and
 * the values it accepts. One table drives the environment mapping, the validation and the
 * error messages, so the three can never disagree.
 *
 * @author FastAgentic
 */
enum TracingSetting {

	/** OTLP collector base URL. */
	ENDPOINT("FASTAGENTIC_OTEL_ENDPOINT", "fastagentic.otel.endpoint",
			"an http:// or https:// URL such as http://otel-collector:4318", TracingSetting::isHttpUrl),

	/** Resource attribute {@code service.name}. */
	SERVICE_NAME("FASTAGENTIC_OTEL_SERVICE_NAME", "fastagentic.otel.service-name", "a non-blank service name",
			TracingSetting::isNotBlank),

	/** Resource attribute {@code service.version}. */
	SERVICE_VERSION("FASTAGENTIC_OTEL_SERVICE_VERSION", "fastagentic.otel.service-version",
			"a non-blank version such as 1.0.0", TracingSetting::isNotBlank),

	/** Master switch for tracing. */
	TRACES_ENABLED("FASTAGENTIC_TRACES_ENABLED", "fastagentic.otel.traces-enabled", "true or false",
			TracingSetting::isBoolean),

	/** Head sampling ratio. */
	SAMPLE_RATE("FASTAGENTIC_OTEL_SAMPLE_RATE", "fastagentic.otel.sample-rate",
			"a number from 0.0 to 1.0 (1.0 = 100 %)", TracingSetting::isRatio),

	/** Keep every trace whose request failed. */
	SAMPLE_ERRORS("FASTAGENTIC_OTEL_SAMPLE_ERRORS", "fastagentic.otel.sample-errors", "true or false",
			TracingSetting::isBoolean),

	/** Keep every trace slower than this. */
	SAMPLE_SLOW_THRESHOLD("FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD", "fastagentic.otel.sample-slow-threshold",
			"a non-negative duration: milliseconds as a bare number (5000) or with a unit (5s, 500ms)",
			TracingSetting::isNonNegativeDuration),

	/** Propagation formats written on outgoing requests. */
	PROPAGATORS("FASTAGENTIC_OTEL_PROPAGATORS", "fastagentic.otel.propagators",
			"a comma-separated list of tracecontext, baggage, b3, b3multi, jaeger (or none)",
			TracingSetting::isPropagator),

	/**
	 * OTLP transport. The starter sends OTLP/HTTP with the JDK's HttpClient; gRPC needs a
	 * gRPC sender on the classpath.
	 */
	PROTOCOL("FASTAGENTIC_OTEL_PROTOCOL", "fastagentic.otel.protocol",
			"http/protobuf, or grpc once a gRPC sender is on the classpath "
					+ "(io.opentelemetry:opentelemetry-exporter-sender-grpc-managed-channel with io.grpc:grpc-netty-shaded)",
			TracingSetting::isUsableProtocol),

	/**
	 * Extra OTLP request headers, often credentials: one value here is one header name,
	 * and values are never shown.
	 */
	HEADERS("FASTAGENTIC_OTEL_HEADERS", "fastagentic.otel.headers",
			"comma-separated key=value pairs with HTTP header names, such as x-honeycomb-team=YOUR_API_KEY",
			TracingSetting::isHeaderName),

	/** Log level of the FastAgentic classes. */
	LOG_LEVEL("FASTAGENTIC_LOG_LEVEL", "logging.level.io.fastagentic", TracingSetting.LOG_LEVELS_TEXT,
			TracingSetting::isLogLevel),

	/** Log level of the OpenTelemetry SDK. */
	OTEL_LOG_LEVEL("OTEL_LOG_LEVEL", "logging.level.io.opentelemetry", TracingSetting.LOG_LEVELS_TEXT,
			TracingSetting::isLogLevel);

	private static final String LOG_LEVELS_TEXT = "one of TRACE, DEBUG, INFO, WARN, ERROR, OFF";

	private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal", "off");

	private static final Set<String> PROPAGATOR_NAMES = Set.of("tracecontext", "baggage", "b3", "b3multi", "jaeger",
			"none");

	/** An RFC 9110 token: the characters allowed in an HTTP header name. */
	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private final String environmentVariable;

	private final String property;

	private final String acceptedValues;

	private final Predicate<String> validator;

	TracingSetting(String environmentVariable, String property, String acceptedValues, Predicate<String> validator) {
		this.environmentVariable = environmentVariable;
		this.property = property;
		this.acceptedValues = acceptedValues;
		this.validator = validator;
	}

	String environmentVariable() {
		return this.environmentVariable;
	}

	String property() {
		return this.property;
	}

	String acceptedValues() {
		return this.acceptedValues;
	}

	/**
	 * Whether a single value (for lists and maps: one element or one key) is valid.
	 * @param value the value, never {@code null}
	 * @return whether it is accepted
	 */
	boolean accepts(String value) {
		return this.validator.test(value);
	}

	/**
	 * Whether values of this setting are credentials that must never be shown.
	 * @return whether the value is secret
	 */
	boolean isSecret() {
		return this == HEADERS;
	}

	/**
	 * The exception to throw for a rejected value.
	 * @param value the rejected value (not shown when the setting is secret)
	 * @return the exception
	 */
	InvalidTracingPropertyException invalid(String value) {
		return new InvalidTracingPropertyException(this.property, this.environmentVariable, isSecret() ? null : value,
				this.acceptedValues);
	}

	/**
	 * Parse a duration where a bare number means milliseconds, as the documented
	 * environment variable does.
	 * @param value the text
	 * @return the duration or {@code null} when the text is no duration
	 */
	private static @Nullable Duration parseMillis(String value) {
		try {
			return DurationStyle.detectAndParse(value.trim(), ChronoUnit.MILLIS);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isNotBlank(String value) {
		return !value.isBlank();
	}

	private static boolean isRatio(String value) {
		try {
			double rate = Double.parseDouble(value.trim());
			return rate >= 0.0 && rate <= 1.0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean isNonNegativeDuration(String value) {
		Duration threshold = parseMillis(value);
		return threshold != null && !threshold.isNegative();
	}

	private static boolean isPropagator(String value) {
		return PROPAGATOR_NAMES.contains(value.trim().toLowerCase(Locale.ROOT));
	}

	private static boolean isHeaderName(String value) {
		return HEADER_NAME.matcher(value).matches();
	}

	private static boolean isBoolean(String value) {
		return "true".equalsIgnoreCase(value.trim()) || "false".equalsIgnoreCase(value.trim());
	}

	private static boolean isLogLevel(String value) {
		return LOG_LEVELS.contains(value.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether an OTLP protocol, in any spelling Spring's binder accepts for it
	 * ({@code grpc}, {@code GRPC}, {@code http/protobuf}, {@code HTTP_PROTOBUF}), is
	 * gRPC.
	 * @param value the protocol
	 * @return whether it names gRPC
	 */
	static boolean isGrpc(String value) {
		return "grpc".equals(canonicalProtocol(value));
	}

	/**
	 * OTLP/HTTP always, gRPC only with a gRPC sender on the classpath.
	 */
	private static boolean isUsableProtocol(String value) {
		String protocol = canonicalProtocol(value);
		return "httpprotobuf".equals(protocol) || ("grpc".equals(protocol) && GrpcSenders.PRESENT);
	}

	private static String canonicalProtocol(String value) {
		return value.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = new URI(value.trim());
			String scheme = uri.getScheme();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Looks for an OpenTelemetry gRPC sender the way the OTLP gRPC exporter does, once,
	 * when a protocol is first checked.
	 */
	private static final class GrpcSenders {

		private static final String PROVIDER = "io.opentelemetry.sdk.common.export.GrpcSenderProvider";

		static final boolean PRESENT = find();

		private static boolean find() {
			ClassLoader classLoader = TracingSetting.class.getClassLoader();
			try {
				Class<?> provider = Class.forName(PROVIDER, false, classLoader);
				return ServiceLoader.load(provider, classLoader).findFirst().isPresent();
			}
			catch (ClassNotFoundException | ServiceConfigurationError ex) {
				return false;
			}
		}

	}

}
