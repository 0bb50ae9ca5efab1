package io.fastagentic.autoconfigure.observation;

import io.fastagentic.sampling.DeferredSpanAttributes;
import io.fastagentic.sampling.TailSamplingSpanProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the tracing handlers leave the attributes of spans recorded for the sampling
 * rules only: the rules' span processor, when the rules are on.
 *
 * @author FastAgentic
 */
final class DeferredAttributesSource {

	private DeferredAttributesSource() {
	}

	static @Nullable DeferredSpanAttributes of(ObjectProvider<TailSamplingSpanProcessor> tailSampling) {
		TailSamplingSpanProcessor processor = tailSampling.getIfAvailable();
		return (processor != null) ? processor.deferredAttributes() : null;
	}

}
