package io.fastagentic.sampling;

import java.util.List;
import java.util.Map;
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
 * A tracing handler offers a span's attributes just before it ends the span, on the
 * thread that ends it; the {@link TailSamplingSpanProcessor} that owns this takes them
 * back as the span ends (the SDK calls it on that thread, before {@code end} returns),
 * and builds them only for a kept trace. One slot per thread holds them in between: no
 * map, no lock, and never more than the last span deferred there. What the rules read is
 * not deferred: the span's status is set at once (a 5xx answer included), so the decision
 * needs no attribute of a span whose attributes wait.
 *
 * @author FastAgentic
 */
public final class DeferredSpanAttributes {

	private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(Slot::new);

	private final SpanLimits spanLimits;

	DeferredSpanAttributes(SpanLimits spanLimits) {
		this.spanLimits = spanLimits;
	}

	/**
	 * Defer the attributes of a span if it is recorded for the sampling rules only; call
	 * right before ending the span, on the thread that ends it. Spans are known by their
	 * context: Micrometer's bridge may hand over a wrapper of the span the processor
	 * sees.
	 * @param span the span about to end
	 * @param attributes makes its attributes, if its trace is kept
	 * @return whether they were deferred; if not, the caller tags the span itself
	 */
	public boolean defer(Span span, Supplier<Attributes> attributes) {
		SpanContext context = span.getSpanContext();
		if (context.isSampled() || !span.isRecording()) {
			return false;
		}
		Slot slot = this.slots.get();
		slot.context = context;
		slot.attributes = attributes;
		return true;
	}

	/**
	 * Take back the deferred attributes of a span as it ends.
	 * @param span the span
	 * @return what makes its attributes, or {@code null} if none were deferred
	 */
	@Nullable Supplier<Attributes> take(ReadableSpan span) {
		Slot slot = this.slots.get();
		Supplier<Attributes> attributes = slot.attributes;
		if (attributes == null || !span.getSpanContext().equals(slot.context)) {
			return null;
		}
		slot.context = null;
		slot.attributes = null;
		return attributes;
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

	/**
	 * The span whose attributes wait on a thread, and them.
	 */
	private static final class Slot {

		private @Nullable SpanContext context;

		private @Nullable Supplier<Attributes> attributes;

	}

}
