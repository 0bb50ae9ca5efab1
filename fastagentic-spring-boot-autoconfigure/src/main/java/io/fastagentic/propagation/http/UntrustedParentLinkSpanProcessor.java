package io.fastagentic.propagation.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * At an untrusted edge, links each request's new root span to the context the caller
 * sent, so the two traces stay connected without the caller choosing our trace id or
 * sampling decision.
 *
 * @author FastAgentic
 */
public final class UntrustedParentLinkSpanProcessor implements SpanProcessor {

	private static final Attributes LINK_ATTRIBUTES = Attributes.of(AttributeKey.stringKey("fastagentic.link.reason"),
			"untrusted incoming context");

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
		SpanContext incoming = parentContext.get(AgentTextMapPropagator.UNTRUSTED_PARENT);
		if (incoming != null && !span.getParentSpanContext().isValid()) {
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
