package io.fastagentic.springai;

import io.fastagentic.observation.handler.ObservationAdapter;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.tool.ToolCallDetails;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Spring AI's observations as FastAgentic sees them: a chat model observation is an LLM
 * call, a tool-calling observation a tool call, and the chat client and its advisors
 * (unless their spans are asked for) only wrap them.
 *
 * @author FastAgentic
 */
public final class SpringAiObservationAdapter implements ObservationAdapter {

	private final LlmPricing pricing;

	private final boolean clientSpans;

	/**
	 * Create the adapter.
	 * @param pricing prices the chat model calls
	 * @param clientSpans whether the chat client and advisor observations keep their
	 * spans
	 */
	public SpringAiObservationAdapter(LlmPricing pricing, boolean clientSpans) {
		this.pricing = pricing;
		this.clientSpans = clientSpans;
	}

	@Override
	public @Nullable LlmCallDetails llmCall(Observation.Context context) {
		if (context instanceof ChatModelObservationContext chat) {
			return chat.computeIfAbsent(SpringAiChatCall.class, (key) -> new SpringAiChatCall(chat, this.pricing));
		}
		return null;
	}

	@Override
	public @Nullable ToolCallDetails toolCall(Observation.Context context) {
		if (context instanceof ToolCallingObservationContext tool) {
			return tool.computeIfAbsent(SpringAiToolCall.class, (key) -> new SpringAiToolCall(tool));
		}
		return null;
	}

	@Override
	public boolean isTransparent(Observation.Context context) {
		return !this.clientSpans && ChatClientLayers.PRESENT && ChatClientLayers.isClientLayer(context);
	}

}
