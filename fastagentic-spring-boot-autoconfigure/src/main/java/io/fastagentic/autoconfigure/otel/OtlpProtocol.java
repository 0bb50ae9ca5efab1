package io.fastagentic.autoconfigure.otel;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

/**
 * OTLP transport protocols, named as the OpenTelemetry specification names them.
 *
 * @author FastAgentic
 */
enum OtlpProtocol {

	/**
	 * Protobuf over HTTP, port 4318 by convention; {@code /v1/traces} is appended to the
	 * endpoint.
	 */
	HTTP_PROTOBUF,

	/**
	 * gRPC, port 4317 by convention; the endpoint is used as it is.
	 */
	GRPC;

	/**
	 * Find a protocol by any of the spellings Spring's binder accepts for it
	 * ({@code http/protobuf}, {@code http-protobuf}, {@code HTTP_PROTOBUF},
	 * {@code grpc}).
	 * @param value the text
	 * @return the protocol or {@code null} if none matches
	 */
	static @Nullable OtlpProtocol find(String value) {
		String canonical = canonical(value);
		for (OtlpProtocol protocol : values()) {
			if (canonical(protocol.name()).equals(canonical)) {
				return protocol;
			}
		}
		return null;
	}

	/**
	 * Whether a value names a protocol this application can export with: OTLP/HTTP
	 * always, gRPC only with a gRPC sender on the classpath.
	 * @param value the text
	 * @return {@code true} when the protocol is known and can be used
	 */
	static boolean isAvailable(String value) {
		OtlpProtocol protocol = find(value);
		return protocol == HTTP_PROTOBUF || (protocol == GRPC && GrpcSenders.present());
	}

	private static String canonical(String value) {
		StringBuilder result = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				result.append(Character.toLowerCase(c));
			}
		}
		return result.toString();
	}

	/**
	 * Looks for an OpenTelemetry gRPC sender the way the OTLP gRPC exporter does, once.
	 */
	private static final class GrpcSenders {

		private static final String PROVIDER = "io.opentelemetry.sdk.common.export.GrpcSenderProvider";

		private static volatile @Nullable Boolean present;

		static boolean present() {
			Boolean result = present;
			if (result == null) {
				result = find();
				present = result;
			}
			return result;
		}

		private static boolean find() {
			ClassLoader classLoader = OtlpProtocol.class.getClassLoader();
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
