package io.fastagentic.viewer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.jspecify.annotations.Nullable;

/**
 * What an agent developer asks of a trace, maintained as its spans arrive: the agent
 * endpoint, the models, the LLM and tool calls, the tokens and the cost. Spans are told
 * apart by their {@code gen_ai.operation.name}: {@code invoke_agent} ({@code agent.run}),
 * {@code chat} and the other LLM operations ({@code llm.call}), {@code execute_tool}
 * ({@code tool.call}).
 * <p>
 * The tokens and cost are the run totals of the {@code agent.run} spans when the trace
 * has any, else the sum over its LLM calls (code that calls an LLM outside an agent run).
 * Adding a span reads a handful of attributes and allocates nothing unless it carries a
 * cost or a model not seen yet. Not thread-safe: guarded by the store's lock.
 *
 * @author FastAgentic
 */
final class RunTotals {

	/**
	 * At most this many distinct models are listed per trace.
	 */
	static final int MAX_MODELS = 8;

	private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

	private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("endpoint");

	private static final AttributeKey<String> MODEL = AttributeKey.stringKey("model");

	private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");

	private static final AttributeKey<Long> LLM_CALLS = AttributeKey.longKey("llm.calls");

	private static final AttributeKey<Long> PROMPT_TOKENS = AttributeKey.longKey("tokens.prompt");

	private static final AttributeKey<Long> COMPLETION_TOKENS = AttributeKey.longKey("tokens.completion");

	private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");

	private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

	private static final AttributeKey<Double> COST = AttributeKey.doubleKey("cost");

	private final Usage runs = new Usage();

	private final Usage calls = new Usage();

	private final List<String> models = new ArrayList<>(2);

	private long toolCalls;

	private @Nullable String endpoint;

	void add(Attributes attributes) {
		String operation = attributes.get(OPERATION);
		if (operation == null) {
			return;
		}
		switch (operation) {
			case "invoke_agent" -> {
				if (this.endpoint == null) {
					this.endpoint = attributes.get(ENDPOINT);
				}
				addModel(attributes.get(MODEL));
				Long llmCalls = attributes.get(LLM_CALLS);
				if (llmCalls != null) {
					this.runs.add(llmCalls, attributes);
				}
			}
			case "chat", "text_completion", "generate_content" -> {
				String model = attributes.get(MODEL);
				addModel((model != null) ? model : attributes.get(REQUEST_MODEL));
				this.calls.add(1, attributes);
			}
			case "execute_tool" -> this.toolCalls++;
			default -> {
			}
		}
	}

	private void addModel(@Nullable String model) {
		if (model != null && this.models.size() < MAX_MODELS && !this.models.contains(model)) {
			this.models.add(model);
		}
	}

	@Nullable String endpoint() {
		return this.endpoint;
	}

	List<String> models() {
		return List.copyOf(this.models);
	}

	long toolCalls() {
		return this.toolCalls;
	}

	/**
	 * The usage of the trace: its runs' totals, else its calls'.
	 */
	Usage usage() {
		return (this.runs.calls > 0) ? this.runs : this.calls;
	}

	/**
	 * LLM calls with their tokens and cost, summed. Tokens and cost stay {@code null}
	 * until a span carries them (a model without a price has no cost, not 0).
	 */
	static final class Usage {

		private long calls;

		private boolean tokens;

		private long promptTokens;

		private long completionTokens;

		private @Nullable BigDecimal cost;

		void add(long calls, Attributes attributes) {
			this.calls += calls;
			Long prompt = tokens(attributes, PROMPT_TOKENS, INPUT_TOKENS);
			Long completion = tokens(attributes, COMPLETION_TOKENS, OUTPUT_TOKENS);
			if (prompt != null || completion != null) {
				this.tokens = true;
				this.promptTokens += (prompt != null) ? prompt : 0;
				this.completionTokens += (completion != null) ? completion : 0;
			}
			Double cost = attributes.get(COST);
			if (cost != null) {
				// An exact decimal sum: 0.000006 + 0.0000339 is 0.0000399, not
				// 0.000039900000000000004.
				BigDecimal value = BigDecimal.valueOf(cost);
				this.cost = (this.cost != null) ? this.cost.add(value) : value;
			}
		}

		long calls() {
			return this.calls;
		}

		@Nullable Long promptTokens() {
			return this.tokens ? this.promptTokens : null;
		}

		@Nullable Long completionTokens() {
			return this.tokens ? this.completionTokens : null;
		}

		@Nullable Long totalTokens() {
			return this.tokens ? this.promptTokens + this.completionTokens : null;
		}

		@Nullable Double cost() {
			return (this.cost != null) ? this.cost.doubleValue() : null;
		}

		private static @Nullable Long tokens(Attributes attributes, AttributeKey<Long> key,
				AttributeKey<Long> genAiKey) {
			Long tokens = attributes.get(key);
			return (tokens != null) ? tokens : attributes.get(genAiKey);
		}

	}

}
