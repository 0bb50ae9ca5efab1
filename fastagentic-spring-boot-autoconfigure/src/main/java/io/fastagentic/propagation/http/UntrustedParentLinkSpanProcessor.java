package io.fastagentic.propagation.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * At an untrusted edge, links each request's new root span to the context the caller
 * sent, so the two traces stay connected without the caller choosing our trace id or
 * sampling decision.
 * <p>
 * The incoming context travels in the parent context of the server span, where
 * {@link AgentTextMapPropagator} put it when it extracted the request's headers: nothing
 * is kept on the thread, so a request that is not sampled (whose span no processor sees)
 * leaves nothing behind for the next request on that thread.
 *
 * @author FastAgentic
 */
public final class UntrustedParentLinkSpanProcessor implements SpanProcessor {

	private static final Attributes LINK_ATTRIBUTES = Attributes.of(AttributeKey.stringKey("fastagentic.link.reason"),
			"untrusted incoming context");

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
		if (span.getKind() != SpanKind.SERVER || span.getParentSpanContext().isValid()) {
			return;
		}
		SpanContext incoming = UntrustedParent.incomingOf(parentContext);
		if (incoming != null) {
			span.addLink(incoming, LINK_ATTRIBUTES);
		}
	}

	@Override
	public boolean isStartRequired() {
		return true;
	}

	@Override
	public void onEnd(ReadableSpan span) {
	}

	@Override
	public boolean isEndRequired() {
		return false;
	}

}
