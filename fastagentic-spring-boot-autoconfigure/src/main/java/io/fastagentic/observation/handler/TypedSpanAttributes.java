package io.fastagentic.observation.handler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;

/**
 * Writes the numeric, boolean and list keys of agent spans with their OpenTelemetry
 * types. Micrometer key values are strings (they are metric tags too); a backend that
 * sums tokens or cost, or filters on a count, needs numbers. A value that does not parse
 * stays a string.
 *
 * @author FastAgentic
 */
final class TypedSpanAttributes {

	private static final Map<String, Type> TYPES = Map.ofEntries(Map.entry("tokens.prompt", Type.LONG),
			Map.entry("tokens.completion", Type.LONG), Map.entry("cost", Type.DOUBLE),
			Map.entry("duration_ms", Type.LONG), Map.entry("size", Type.LONG), Map.entry("count", Type.LONG),
			Map.entry("llm.calls", Type.LONG), Map.entry("status", Type.LONG),
			Map.entry("http.response.status_code", Type.LONG), Map.entry("client.aborted", Type.BOOLEAN),
			Map.entry("gen_ai.usage.input_tokens", Type.LONG), Map.entry("gen_ai.usage.output_tokens", Type.LONG),
			Map.entry("gen_ai.usage.total_tokens", Type.LONG),
			Map.entry("gen_ai.usage.cache_read.input_tokens", Type.LONG),
			Map.entry("gen_ai.usage.cache_creation.input_tokens", Type.LONG),
			Map.entry("gen_ai.request.max_tokens", Type.LONG), Map.entry("gen_ai.request.top_k", Type.DOUBLE),
			Map.entry("gen_ai.request.top_p", Type.DOUBLE), Map.entry("gen_ai.request.temperature", Type.DOUBLE),
			Map.entry("gen_ai.request.frequency_penalty", Type.DOUBLE),
			Map.entry("gen_ai.request.presence_penalty", Type.DOUBLE), Map.entry("gen_ai.request.stream", Type.BOOLEAN),
			Map.entry("gen_ai.response.finish_reasons", Type.STRING_LIST));

	private static final String ERROR = "error";

	private TypedSpanAttributes() {
	}

	/**
	 * Tag a span with every key of an observation, typed when the key is known; the
	 * {@code error} key marks the span as failed, as Micrometer's handlers do.
	 * @param context the observation's context
	 * @param span the span
	 */
	static void tagAll(Observation.Context context, Span span) {
		for (KeyValue keyValue : context.getAllKeyValues()) {
			if (ERROR.equalsIgnoreCase(keyValue.getKey())) {
				span.error(new RuntimeException(keyValue.getValue()));
			}
			else {
				tag(span, keyValue.getKey(), keyValue.getValue());
			}
		}
	}

	/**
	 * Tag a span with one key, typed when the key is known.
	 * @param span the span
	 * @param key the key
	 * @param value the value as text
	 */
	static void tag(Span span, String key, String value) {
		Type type = TYPES.get(key);
		if (type == null) {
			span.tag(key, value);
			return;
		}
		try {
			switch (type) {
				case LONG -> span.tag(key, Long.parseLong(value));
				case DOUBLE -> span.tag(key, Double.parseDouble(value));
				case BOOLEAN -> span.tag(key, Boolean.parseBoolean(value));
				case STRING_LIST -> span.tagOfStrings(key, list(value));
			}
		}
		catch (NumberFormatException ex) {
			span.tag(key, value);
		}
	}

	private static List<String> list(String value) {
		return Arrays.asList(value.split(","));
	}

	private enum Type {

		LONG, DOUBLE, BOOLEAN, STRING_LIST

	}

}
