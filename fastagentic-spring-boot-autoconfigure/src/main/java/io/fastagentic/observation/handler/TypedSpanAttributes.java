package io.fastagentic.observation.handler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.fastagentic.sampling.DeferredSpanAttributes;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import org.jspecify.annotations.Nullable;

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

	private static final String[] ERROR_KEYS = { ERROR, "ERROR" };

	private TypedSpanAttributes() {
	}

	/**
	 * Tag a span with every key of an observation, typed when the key is known; the
	 * {@code error} key marks the span as failed, as Micrometer's handlers do.
	 * <ul>
	 * <li>A span that records nothing (its trace was not sampled) is left alone: the
	 * observation's key values are neither merged nor converted for it.</li>
	 * <li>A span recorded only for the sampling rules gets its attributes when a rule
	 * keeps its trace, and not at all when the trace is discarded (see
	 * {@link DeferredSpanAttributes}); only the error key is applied at once, since the
	 * error rule reads the span's status.</li>
	 * </ul>
	 * @param context the observation's context
	 * @param span the span
	 * @param deferred where attributes of spans recorded for the rules wait, or
	 * {@code null} without sampling rules
	 */
	static void tagAll(Observation.Context context, Span span, @Nullable DeferredSpanAttributes deferred) {
		if (span.isNoop()) {
			return;
		}
		if (!(span instanceof OtelSpan)) {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				span.tag(keyValue.getKey(), keyValue.getValue());
			}
			return;
		}
		io.opentelemetry.api.trace.Span otelSpan = OtelSpan.toOtel(span);
		if (deferred != null && deferred.defer(otelSpan, () -> attributes(context))) {
			KeyValue error = error(context);
			if (error != null) {
				span.error(new RuntimeException(error.getValue()));
			}
			return;
		}
		Target target = otelSpan::setAttribute;
		// The low then the high cardinality keys: a key in both ends with its high
		// cardinality value, as in Micrometer's merged view, without that view's merge
		// and sort.
		KeyValue lowError = put(target, context.getLowCardinalityKeyValues());
		KeyValue highError = put(target, context.getHighCardinalityKeyValues());
		KeyValue error = (highError != null) ? highError : lowError;
		if (error != null) {
			span.error(new RuntimeException(error.getValue()));
		}
	}

	private static @Nullable KeyValue error(Observation.Context context) {
		for (String key : ERROR_KEYS) {
			KeyValue error = context.getHighCardinalityKeyValue(key);
			if (error == null) {
				error = context.getLowCardinalityKeyValue(key);
			}
			if (error != null) {
				return error;
			}
		}
		return null;
	}

	/**
	 * The keys of an observation as typed attributes, the error key aside.
	 */
	private static Attributes attributes(Observation.Context context) {
		AttributesBuilder builder = Attributes.builder();
		Target target = builder::put;
		put(target, context.getLowCardinalityKeyValues());
		put(target, context.getHighCardinalityKeyValues());
		return builder.build();
	}

	/**
	 * Put every key but the error key, which is returned, if there is one.
	 */
	private static @Nullable KeyValue put(Target target, KeyValues keyValues) {
		KeyValue error = null;
		for (KeyValue keyValue : keyValues) {
			if (ERROR.equalsIgnoreCase(keyValue.getKey())) {
				error = keyValue;
			}
			else {
				put(target, keyValue.getKey(), keyValue.getValue());
			}
		}
		return error;
	}

	private static void put(Target target, String key, String value) {
		Type type = TYPES.get(key);
		if (type == null) {
			target.put(AttributeKey.stringKey(key), value);
			return;
		}
		try {
			switch (type) {
				case LONG -> target.put(AttributeKey.longKey(key), Long.parseLong(value));
				case DOUBLE -> target.put(AttributeKey.doubleKey(key), Double.parseDouble(value));
				case BOOLEAN -> target.put(AttributeKey.booleanKey(key), Boolean.parseBoolean(value));
				case STRING_LIST -> target.put(AttributeKey.stringArrayKey(key), list(value));
			}
		}
		catch (NumberFormatException ex) {
			target.put(AttributeKey.stringKey(key), value);
		}
	}

	private static List<String> list(String value) {
		return Arrays.asList(value.split(","));
	}

	/**
	 * Where typed values go: a span, or attributes kept for later.
	 */
	@FunctionalInterface
	private interface Target {

		<T> void put(AttributeKey<T> key, T value);

	}

	private enum Type {

		LONG, DOUBLE, BOOLEAN, STRING_LIST

	}

}
