package io.fastagentic.observation.handler;

import java.math.BigDecimal;

import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Records token and cost metrics when an LLM call ends, from FastAgentic's
 * {@code llm.call} and from every framework's chat observation alike, with
 * low-cardinality tags only (never run, user or trace ids):
 * <ul>
 * <li>{@code fastagentic.llm.tokens} counter, tags {@code model} and {@code type}
 * ({@code prompt} or {@code completion});</li>
 * <li>{@code fastagentic.llm.cost} counter in USD, tag {@code model};</li>
 * <li>{@code gen_ai.client.token.usage} counter, tagged with the call's low-cardinality
 * keys and {@code gen_ai.token.type} ({@code input}, {@code output}, {@code total}), for
 * the observations FastAgentic makes. A framework that records this metric for its own
 * observations (Spring AI does, as a counter with the same tags) keeps doing so, so that
 * no call is counted twice.</li>
 * </ul>
 * The call's duration is the {@code llm.call} timer that Micrometer records from the same
 * observation.
 *
 * @author FastAgentic
 */
public class LlmUsageMetricsHandler extends LlmCallEndHandler {

	private static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final MeterCache<MetersKey, Meters> meters;

	/**
	 * Create a handler.
	 * @param registry where meters are registered
	 * @param adapters tells which observations are LLM calls
	 */
	public LlmUsageMetricsHandler(MeterRegistry registry, ObservationAdapters adapters) {
		super(adapters);
		this.registry = registry;
		this.meters = new MeterCache<>(registry);
	}

	@Override
	protected void onLlmCallEnd(Observation.Context context, LlmCallDetails call) {
		Long promptTokens = call.getPromptTokens();
		Long completionTokens = call.getCompletionTokens();
		if (promptTokens == null || completionTokens == null) {
			return;
		}
		String responseModel = (call.getResponseModel() != null) ? call.getResponseModel() : UNKNOWN;
		boolean ownObservation = context instanceof LlmCallObservationContext;
		Meters meters = meters(new MetersKey(call.getRequestModel(), call.getProvider(), responseModel, ownObservation),
				context);
		meters.promptTokens.increment(promptTokens);
		meters.completionTokens.increment(completionTokens);
		if (meters.genAi != null) {
			meters.genAi.record(promptTokens, completionTokens);
		}
		BigDecimal cost = call.getCost();
		if (cost != null) {
			meters.cost().increment(cost.doubleValue());
		}
	}

	/**
	 * The meters of a model, provider and response model, registered once and reused.
	 */
	private Meters meters(MetersKey key, Observation.Context context) {
		Meters meters = this.meters.get(key);
		return (meters != null) ? meters : this.meters.put(key, new Meters(key, context, this.registry));
	}

	private record MetersKey(String model, String provider, String responseModel, boolean recordsGenAiUsage) {
	}

	private static final class Meters {

		private final MeterRegistry registry;

		private final String model;

		private final Counter promptTokens;

		private final Counter completionTokens;

		private final @Nullable GenAiTokenUsage genAi;

		// Registered on the first priced call: a model without a price has no cost meter.
		private volatile @Nullable Counter cost;

		Meters(MetersKey key, Observation.Context context, MeterRegistry registry) {
			this.registry = registry;
			this.model = key.model();
			this.promptTokens = tokens(key.model(), "prompt", registry);
			this.completionTokens = tokens(key.model(), "completion", registry);
			this.genAi = key.recordsGenAiUsage() ? new GenAiTokenUsage(lowCardinalityTags(context), registry) : null;
		}

		Counter cost() {
			Counter cost = this.cost;
			if (cost == null) {
				cost = Counter.builder("fastagentic.llm.cost")
					.description("Cost of LLM calls from the pricing table")
					.baseUnit("usd")
					.tags("model", this.model)
					.register(this.registry);
				this.cost = cost;
			}
			return cost;
		}

		private static Tags lowCardinalityTags(Observation.Context context) {
			Tags tags = Tags.empty();
			for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
				tags = tags.and(keyValue.getKey(), keyValue.getValue());
			}
			return tags;
		}

		private static Counter tokens(String model, String type, MeterRegistry registry) {
			return Counter.builder("fastagentic.llm.tokens")
				.description("Tokens used by LLM calls")
				.baseUnit("tokens")
				.tags("model", model, "type", type)
				.register(registry);
		}

	}

	/**
	 * The OpenTelemetry GenAI token metric, a counter as Spring AI records it, so that
	 * both sources meet in one meter.
	 */
	private static final class GenAiTokenUsage {

		private final Counter input;

		private final Counter output;

		private final Counter total;

		GenAiTokenUsage(Tags tags, MeterRegistry registry) {
			this.input = counter(tags, "input", registry);
			this.output = counter(tags, "output", registry);
			this.total = counter(tags, "total", registry);
		}

		void record(long inputTokens, long outputTokens) {
			this.input.increment(inputTokens);
			this.output.increment(outputTokens);
			this.total.increment(inputTokens + outputTokens);
		}

		private static Counter counter(Tags tags, String type, MeterRegistry registry) {
			return Counter.builder("gen_ai.client.token.usage")
				.description("Measures number of input and output tokens used")
				.tags(tags)
				.tag("gen_ai.token.type", type)
				.register(registry);
		}

	}

}
