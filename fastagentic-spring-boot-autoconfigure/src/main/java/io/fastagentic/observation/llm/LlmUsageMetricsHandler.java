package io.fastagentic.observation.llm;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Records token and cost metrics when an {@code llm.call} observation stops, with
 * low-cardinality tags only (never run, user or trace ids):
 * <ul>
 * <li>{@code fastagentic.llm.tokens} counter, tags {@code model} and {@code type}
 * ({@code prompt} or {@code completion});</li>
 * <li>{@code fastagentic.llm.cost} counter in USD, tag {@code model};</li>
 * <li>{@code gen_ai.client.token.usage} distribution summary, the OpenTelemetry GenAI
 * metric, tags {@code gen_ai.operation.name}, {@code gen_ai.provider.name},
 * {@code gen_ai.request.model}, {@code gen_ai.response.model} and
 * {@code gen_ai.token.type} ({@code input} or {@code output}).</li>
 * </ul>
 * The call's duration is the {@code llm.call} timer that Micrometer records from the same
 * observation.
 *
 * @author FastAgentic
 */
public class LlmUsageMetricsHandler implements ObservationHandler<LlmCallObservationContext> {

	private static final String UNKNOWN = "unknown";

	private static final int MAX_CACHED_METERS = 1000;

	private final MeterRegistry registry;

	private final Map<MetersKey, Meters> meters = new ConcurrentHashMap<>();

	/**
	 * Create a handler.
	 * @param registry where meters are registered
	 */
	public LlmUsageMetricsHandler(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LlmCallObservationContext;
	}

	@Override
	public void onStop(LlmCallObservationContext context) {
		Long promptTokens = context.getPromptTokens();
		Long completionTokens = context.getCompletionTokens();
		if (promptTokens == null || completionTokens == null) {
			return;
		}
		String responseModel = (context.getResponseModel() != null) ? context.getResponseModel() : UNKNOWN;
		Meters meters = meters(new MetersKey(context.getRequestModel(), context.getProvider(), responseModel));
		meters.promptTokens.increment(promptTokens);
		meters.completionTokens.increment(completionTokens);
		meters.inputTokenUsage.record(promptTokens);
		meters.outputTokenUsage.record(completionTokens);
		BigDecimal cost = context.getCost();
		if (cost != null) {
			meters.cost().increment(cost.doubleValue());
		}
	}

	/**
	 * The meters of a model, provider and response model, registered once and reused:
	 * looking them up in the registry on every call (four builders, their tags sorted,
	 * four registry lookups) cost more than the rest of the handler. Past
	 * {@value #MAX_CACHED_METERS} combinations they are looked up every time, as before.
	 */
	private Meters meters(MetersKey key) {
		Meters meters = this.meters.get(key);
		if (meters != null) {
			return meters;
		}
		meters = new Meters(key, this.registry);
		if (this.meters.size() < MAX_CACHED_METERS) {
			Meters existing = this.meters.putIfAbsent(key, meters);
			return (existing != null) ? existing : meters;
		}
		return meters;
	}

	private record MetersKey(String model, String provider, String responseModel) {
	}

	private static final class Meters {

		private final MeterRegistry registry;

		private final String model;

		private final Counter promptTokens;

		private final Counter completionTokens;

		private final DistributionSummary inputTokenUsage;

		private final DistributionSummary outputTokenUsage;

		// Registered on the first priced call: a model without a price has no cost meter.
		private volatile @Nullable Counter cost;

		Meters(MetersKey key, MeterRegistry registry) {
			this.registry = registry;
			this.model = key.model();
			this.promptTokens = tokens(key.model(), "prompt", registry);
			this.completionTokens = tokens(key.model(), "completion", registry);
			Tags genAi = Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", key.provider(),
					"gen_ai.request.model", key.model(), "gen_ai.response.model", key.responseModel());
			this.inputTokenUsage = tokenUsage(genAi.and("gen_ai.token.type", "input"), registry);
			this.outputTokenUsage = tokenUsage(genAi.and("gen_ai.token.type", "output"), registry);
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

		private static Counter tokens(String model, String type, MeterRegistry registry) {
			return Counter.builder("fastagentic.llm.tokens")
				.description("Tokens used by LLM calls")
				.baseUnit("tokens")
				.tags("model", model, "type", type)
				.register(registry);
		}

		private static DistributionSummary tokenUsage(Tags tags, MeterRegistry registry) {
			return DistributionSummary.builder("gen_ai.client.token.usage")
				.description("Tokens used by GenAI client operations")
				.baseUnit("{token}")
				.tags(tags)
				.register(registry);
		}

	}

}
