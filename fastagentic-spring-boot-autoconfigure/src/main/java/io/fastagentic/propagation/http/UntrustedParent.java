package io.fastagentic.propagation.http;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import org.jspecify.annotations.Nullable;

/**
 * The parent of a request at an untrusted edge: no parent at all (the request starts a
 * new trace), carrying the context the caller sent so that
 * {@link UntrustedParentLinkSpanProcessor} can link the new trace to it.
 *
 * @author FastAgentic
 */
final class UntrustedParent extends ExtractedParent {

	private static final ContextKey<UntrustedParent> KEY = ContextKey.named("fastagentic-untrusted-parent");

	private final SpanContext incoming;

	UntrustedParent(SpanContext incoming) {
		super(SpanContext.getInvalid());
		this.incoming = incoming;
	}

	/**
	 * The context the caller sent, when a span starts as the server span of a request at
	 * an untrusted edge.
	 * @param parentContext the context the span starts in
	 * @return the caller's span context, or {@code null}
	 */
	static @Nullable SpanContext incomingOf(Context parentContext) {
		UntrustedParent parent = parentContext.get(KEY);
		return (parent != null) ? parent.incoming : null;
	}

	@Override
	Context withKey(Context context) {
		return context.with(KEY, this);
	}

	@Override
	public String toString() {
		return "UntrustedParent{incoming=" + this.incoming + "}";
	}

}
