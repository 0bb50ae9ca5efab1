package io.fastagentic.propagation.http;

import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * The remote parent of a request as extracted from its headers, carrying what
 * OpenTelemetry's {@link SpanContext} cannot express to the sampler and the span
 * processors of the request's server span. It never records anything.
 * <p>
 * A span rather than a context key, because Micrometer's bridge keeps the extracted span
 * (and baggage) when it starts the server span, and drops every other key of the
 * extracted context. Storing the span in a context adds the subclass's key too, because
 * the SDK shows the sampler of a new root span a context whose span it has replaced; the
 * span processors see the parent context the bridge built, so the key reaches them as
 * well. Nothing is kept anywhere else: what a request carried lives and dies with the
 * request's context.
 *
 * @author FastAgentic
 */
abstract class ExtractedParent implements Span {

	private final SpanContext spanContext;

	ExtractedParent(SpanContext spanContext) {
		this.spanContext = spanContext;
	}

	/**
	 * Add this parent under its own key.
	 * @param context a context that already holds this parent as its span
	 * @return the context with the key
	 */
	abstract Context withKey(Context context);

	@Override
	public final Context storeInContext(Context context) {
		return withKey(Span.super.storeInContext(context));
	}

	@Override
	public final SpanContext getSpanContext() {
		return this.spanContext;
	}

	@Override
	public final boolean isRecording() {
		return false;
	}

	@Override
	public final <T> Span setAttribute(AttributeKey<T> key, @Nullable T value) {
		return this;
	}

	@Override
	public final Span addEvent(String name, Attributes attributes) {
		return this;
	}

	@Override
	public final Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
		return this;
	}

	@Override
	public final Span setStatus(StatusCode statusCode, String description) {
		return this;
	}

	@Override
	public final Span recordException(Throwable exception, Attributes additionalAttributes) {
		return this;
	}

	@Override
	public final Span updateName(String name) {
		return this;
	}

	@Override
	public final void end() {
	}

	@Override
	public final void end(long timestamp, TimeUnit unit) {
	}

}
