package io.fastagentic.observation.llm;

import java.math.BigDecimal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

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

	private final MeterRegistry registry;

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
		String model = context.getRequestModel();
		Counter.builder("fastagentic.llm.tokens")
			.description("Tokens used by LLM calls")
			.baseUnit("tokens")
			.tags("model", model, "type", "prompt")
			.register(this.registry)
			.increment(promptTokens);
		Counter.builder("fastagentic.llm.tokens")
			.description("Tokens used by LLM calls")
			.baseUnit("tokens")
			.tags("model", model, "type", "completion")
			.register(this.registry)
			.increment(completionTokens);
		Tags genAi = Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", context.getProvider(),
				"gen_ai.request.model", model, "gen_ai.response.model",
				(context.getResponseModel() != null) ? context.getResponseModel() : UNKNOWN);
		tokenUsage(genAi.and("gen_ai.token.type", "input")).record(promptTokens);
		tokenUsage(genAi.and("gen_ai.token.type", "output")).record(completionTokens);
		BigDecimal cost = context.getCost();
		if (cost != null) {
			Counter.builder("fastagentic.llm.cost")
				.description("Cost of LLM calls from the pricing table")
				.baseUnit("usd")
				.tags("model", model)
				.register(this.registry)
				.increment(cost.doubleValue());
		}
	}

	private DistributionSummary tokenUsage(Tags tags) {
		return DistributionSummary.builder("gen_ai.client.token.usage")
			.description("Tokens used by GenAI client operations")
			.baseUnit("{token}")
			.tags(tags)
			.register(this.registry);
	}

}
