package io.fastagentic.sampling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanLimits;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of spans that {@link RuleBasedSampler} records without sampling, kept
 * unbuilt until their trace is decided. With "1 % + errors + slow", 99 % of traces are
 * recorded only so that a failed or slow one can still be kept, and are then discarded:
 * their attributes are made only for the traces a rule keeps.
 * <p>
 * A tracing handler offers a span's attributes as it ends the span; the
 * {@link TailSamplingSpanProcessor} that owns this takes them back when the span ends,
 * microseconds later, and builds them only for a kept trace. What the rules read is not
 * deferred: the span's status is set at once (a 5xx answer included), so the decision
 * needs no attribute of a span whose attributes wait. A span the processor does not see
 * (over {@code maxPending} at once) is tagged at once, so nothing is held without bound.
 *
 * @author FastAgentic
 */
public final class DeferredSpanAttributes {

	private final Map<SpanContext, Supplier<Attributes>> pending = new ConcurrentHashMap<>();

	private final int maxPending;

	private final SpanLimits spanLimits;

	DeferredSpanAttributes(int maxPending, SpanLimits spanLimits) {
		this.maxPending = maxPending;
		this.spanLimits = spanLimits;
	}

	/**
	 * Defer the attributes of a span if it is recorded for the sampling rules only. Spans
	 * are known by their context: Micrometer's bridge may hand over a wrapper of the span
	 * the processor sees.
	 * @param span the span about to end
	 * @param attributes makes its attributes, if its trace is kept
	 * @return whether they were deferred; if not, the caller tags the span itself
	 */
	public boolean defer(Span span, Supplier<Attributes> attributes) {
		SpanContext context = span.getSpanContext();
		if (context.isSampled() || !span.isRecording() || this.pending.size() >= this.maxPending) {
			return false;
		}
		this.pending.put(context, attributes);
		return true;
	}

	/**
	 * Take back the deferred attributes of an ended span.
	 * @param span the span
	 * @return what makes its attributes, or {@code null} if none were deferred
	 */
	@Nullable Supplier<Attributes> take(ReadableSpan span) {
		return this.pending.remove(span.getSpanContext());
	}

	/**
	 * A span's attributes with its deferred ones, within the span limits the SDK applies
	 * to attributes set on a span: at most so many attributes, string values cut to the
	 * maximum length.
	 * @param recorded the attributes the span was given directly
	 * @param deferred the deferred attributes
	 * @return all of them
	 */
	Attributes merge(Attributes recorded, Attributes deferred) {
		AttributesBuilder merged = recorded.toBuilder();
		int room = this.spanLimits.getMaxNumberOfAttributes() - recorded.size();
		int maxLength = this.spanLimits.getMaxAttributeValueLength();
		for (Map.Entry<AttributeKey<?>, Object> attribute : deferred.asMap().entrySet()) {
			if (room-- <= 0) {
				break;
			}
			put(merged, attribute.getKey(), attribute.getValue(), maxLength);
		}
		return merged.build();
	}

	@SuppressWarnings("unchecked")
	private static void put(AttributesBuilder builder, AttributeKey<?> key, Object value, int maxLength) {
		if (value instanceof String text) {
			builder.put((AttributeKey<String>) key, cut(text, maxLength));
		}
		else if (key.getType() == AttributeType.STRING_ARRAY) {
			builder.put((AttributeKey<List<String>>) key,
					((List<String>) value).stream().map((text) -> cut(text, maxLength)).toList());
		}
		else {
			builder.put((AttributeKey<Object>) key, value);
		}
	}

	private static String cut(String text, int maxLength) {
		return (text.length() > maxLength) ? text.substring(0, maxLength) : text;
	}

}
