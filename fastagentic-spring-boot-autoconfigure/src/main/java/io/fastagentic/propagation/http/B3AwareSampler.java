package io.fastagentic.propagation.http;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Lets a sampler honour the B3 sampling states that OpenTelemetry's span context cannot
 * carry, by showing it the parent those states mean; the sampler still makes every
 * decision, so a parent-based sampler, FastAgentic's rules and a user's sampler each
 * apply their own logic:
 * <ul>
 * <li>"deny" without ids ({@code b3: 0}, {@code X-B3-Sampled: 0} alone): a new trace
 * under a remote parent that did not sample;</li>
 * <li>"accept" without ids ({@code b3: 1}, {@code b3: d}): a new trace under a remote
 * parent that sampled;</li>
 * <li>"defer" (ids without a sampled flag): the caller's trace, decided as a new trace
 * is, by this service's own rule (the ratio of the trace id).</li>
 * </ul>
 * The span's real parent is unchanged: a request that carried no ids starts a root span.
 *
 * @author FastAgentic
 */
public final class B3AwareSampler implements Sampler {

	/**
	 * The id of the parent shown to the delegate for a decision without ids: any valid id
	 * does, as samplers look only at the parent's flags and whether it is remote.
	 */
	private static final String DECISION_ONLY_SPAN_ID = "0000000000000001";

	private final Sampler delegate;

	private B3AwareSampler(Sampler delegate) {
		this.delegate = delegate;
	}

	/**
	 * Wrap a sampler.
	 * @param delegate the sampler that decides
	 * @return a sampler that shows B3's sampling states to the delegate
	 */
	public static Sampler wrap(Sampler delegate) {
		return (delegate instanceof B3AwareSampler) ? delegate : new B3AwareSampler(delegate);
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		B3SamplingParent.State state = B3SamplingParent.stateOf(parentContext);
		Context decisionContext = (state != null) ? switch (state) {
			case ACCEPT -> parentContext.with(Span.wrap(decidedParent(traceId, TraceFlags.getSampled())));
			case DENY -> parentContext.with(Span.wrap(decidedParent(traceId, TraceFlags.getDefault())));
			case DEFER -> parentContext.with(Span.getInvalid());
		} : parentContext;
		return this.delegate.shouldSample(decisionContext, traceId, name, spanKind, attributes, parentLinks);
	}

	private static SpanContext decidedParent(String traceId, TraceFlags flags) {
		return SpanContext.createFromRemoteParent(traceId, DECISION_ONLY_SPAN_ID, flags, TraceState.getDefault());
	}

	@Override
	public String getDescription() {
		return "B3AwareSampler{" + this.delegate.getDescription() + "}";
	}

	@Override
	public String toString() {
		return getDescription();
	}

}
