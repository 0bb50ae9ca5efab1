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
 * The incoming context is handed over on the request thread: the server observation
 * extracts it ({@link AgentTextMapPropagator} offers it here) and starts the server span
 * right after, on the same thread. Every extraction replaces what an earlier one left.
 *
 * @author FastAgentic
 */
public final class UntrustedParentLinkSpanProcessor implements SpanProcessor {

	private static final ThreadLocal<SpanContext> INCOMING = new ThreadLocal<>();

	private static final Attributes LINK_ATTRIBUTES = Attributes.of(AttributeKey.stringKey("fastagentic.link.reason"),
			"untrusted incoming context");

	static void offer(SpanContext incoming) {
		if (incoming.isValid()) {
			INCOMING.set(incoming);
		}
		else {
			INCOMING.remove();
		}
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
		if (span.getKind() != SpanKind.SERVER || span.getParentSpanContext().isValid()) {
			return;
		}
		SpanContext incoming = INCOMING.get();
		if (incoming != null) {
			INCOMING.remove();
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
