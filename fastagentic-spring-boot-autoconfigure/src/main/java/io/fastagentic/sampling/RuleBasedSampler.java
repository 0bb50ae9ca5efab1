package io.fastagentic.sampling;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Parent-based trace-id-ratio sampling that records, without sampling, what the ratio
 * drops, so that {@link TailSamplingSpanProcessor} can still keep the traces that fail or
 * are slow. A sampled parent is followed; a trace the ratio or the caller dropped is
 * recorded only (its spans carry {@code sampled=0} downstream and reach no exporter
 * unless a rule keeps the trace).
 *
 * @author FastAgentic
 */
public final class RuleBasedSampler implements Sampler {

	private final Sampler ratio;

	private RuleBasedSampler(Sampler ratio) {
		this.ratio = ratio;
	}

	/**
	 * Create a sampler.
	 * @param probability the fraction of new traces to sample, from 0.0 to 1.0
	 * @return the sampler
	 * @throws IllegalArgumentException if the probability is outside [0, 1]
	 */
	public static RuleBasedSampler create(double probability) {
		if (!(probability >= 0.0 && probability <= 1.0)) {
			throw new IllegalArgumentException("The sample rate must be from 0.0 to 1.0, was " + probability);
		}
		return new RuleBasedSampler(Sampler.traceIdRatioBased(probability));
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		SpanContext parent = Span.fromContext(parentContext).getSpanContext();
		if (parent.isValid()) {
			return parent.isSampled() ? SamplingResult.recordAndSample() : SamplingResult.recordOnly();
		}
		SamplingResult byRatio = this.ratio.shouldSample(parentContext, traceId, name, spanKind, attributes,
				parentLinks);
		return (byRatio.getDecision() == SamplingDecision.RECORD_AND_SAMPLE) ? byRatio : SamplingResult.recordOnly();
	}

	@Override
	public String getDescription() {
		return "RuleBasedSampler{" + this.ratio.getDescription() + "}";
	}

}
