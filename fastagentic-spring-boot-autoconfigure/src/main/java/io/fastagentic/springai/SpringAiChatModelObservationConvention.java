package io.fastagentic.springai;

import io.fastagentic.observation.llm.DefaultLlmCallObservationConvention;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmCallKeyValues;
import io.micrometer.common.KeyValues;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;

/**
 * Spring AI's chat model observation as FastAgentic's {@code llm.call}: metric
 * {@code llm.call}, span {@code llm.call {model}}, the keys of {@link LlmCallKeyValues}
 * (the specification's and the current OpenTelemetry GenAI keys, with
 * {@code gen_ai.provider.name} instead of the deprecated {@code gen_ai.system}) and
 * Spring AI's request keys ({@code gen_ai.request.temperature}, ...). Spring AI's chat
 * model auto-configurations apply it to every chat model they build.
 *
 * @author FastAgentic
 */
public class SpringAiChatModelObservationConvention extends DefaultChatModelObservationConvention {

	private final SpringAiObservationAdapter adapter;

	/**
	 * Create the convention.
	 * @param adapter reads the calls
	 */
	public SpringAiChatModelObservationConvention(SpringAiObservationAdapter adapter) {
		this.adapter = adapter;
	}

	@Override
	public String getName() {
		return DefaultLlmCallObservationConvention.NAME;
	}

	@Override
	public String getContextualName(ChatModelObservationContext context) {
		return DefaultLlmCallObservationConvention.NAME + " " + call(context).getRequestModel();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ChatModelObservationContext context) {
		return LlmCallKeyValues.lowCardinality(call(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ChatModelObservationContext context) {
		return super.getHighCardinalityKeyValues(context).and(LlmCallKeyValues.highCardinality(call(context)));
	}

	// Usage, response id and finish reasons come from LlmCallKeyValues, once.

	@Override
	protected KeyValues responseFinishReasons(KeyValues keyValues, ChatModelObservationContext context) {
		return keyValues;
	}

	@Override
	protected KeyValues responseId(KeyValues keyValues, ChatModelObservationContext context) {
		return keyValues;
	}

	@Override
	protected KeyValues usageCacheReadInputTokens(KeyValues keyValues, ChatModelObservationContext context) {
		return keyValues;
	}

	@Override
	protected KeyValues usageInputTokens(KeyValues keyValues, ChatModelObservationContext context) {
		return keyValues;
	}

	@Override
	protected KeyValues usageOutputTokens(KeyValues keyValues, ChatModelObservationContext context) {
		return keyValues;
	}

	@Override
	protected KeyValues usageTotalTokens(KeyValues keyValues, ChatModelObservationContext context) {
		return keyValues;
	}

	private LlmCallDetails call(ChatModelObservationContext context) {
		LlmCallDetails call = this.adapter.llmCall(context);
		if (call == null) {
			throw new IllegalStateException("Not a chat model observation: " + context);
		}
		return call;
	}

}
