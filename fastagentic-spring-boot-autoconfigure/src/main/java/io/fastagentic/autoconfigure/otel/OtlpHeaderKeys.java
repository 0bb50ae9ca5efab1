package io.fastagentic.autoconfigure.otel;

import java.util.List;
import java.util.Locale;

/**
 * Recognises the property and environment variable names that carry OTLP headers, which
 * usually hold credentials.
 *
 * @author FastAgentic
 */
final class OtlpHeaderKeys {

	private static final List<String> PREFIXES = List.of("fastagentic.otel.headers",
			"management.opentelemetry.tracing.export.otlp.headers",
			"management.opentelemetry.logging.export.otlp.headers", "management.otlp.metrics.export.headers",
			"fastagentic_otel_headers", "otel_exporter_otlp_headers", "otel_exporter_otlp_traces_headers",
			"otel_exporter_otlp_logs_headers", "otel_exporter_otlp_metrics_headers");

	private OtlpHeaderKeys() {
	}

	static boolean isSecret(String key) {
		String lowerCaseKey = key.toLowerCase(Locale.ROOT);
		for (String prefix : PREFIXES) {
			if (lowerCaseKey.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
