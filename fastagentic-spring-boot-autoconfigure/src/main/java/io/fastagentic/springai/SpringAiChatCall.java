package io.fastagentic.springai;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmMessage;
import io.fastagentic.observation.llm.LlmPricing;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.util.StringUtils;

/**
 * A Spring AI chat model observation seen as an LLM call. It reads the context when
 * asked, so the same view serves while the call runs and once the response is set; the
 * cost is computed once, when the usage is known.
 *
 * @author FastAgentic
 */
final class SpringAiChatCall implements LlmCallDetails {

	static final String ADAPTER = "spring-ai";

	private static final String UNKNOWN = "unknown";

	private final ChatModelObservationContext context;

	private final LlmPricing pricing;

	private volatile @Nullable BigDecimal cost;

	SpringAiChatCall(ChatModelObservationContext context, LlmPricing pricing) {
		this.context = context;
		this.pricing = pricing;
	}

	@Override
	public String getAdapter() {
		return ADAPTER;
	}

	@Override
	public String getProvider() {
		return providerName(this.context.getOperationMetadata().provider());
	}

	/**
	 * The OpenTelemetry name of a Spring AI provider; most are spelled alike.
	 */
	static String providerName(String springAiProvider) {
		return switch (springAiProvider) {
			case "bedrock_converse" -> "aws.bedrock";
			case "google_genai" -> "gcp.gen_ai";
			case "vertex_ai" -> "gcp.vertex_ai";
			default -> springAiProvider;
		};
	}

	@Override
	public String getRequestModel() {
		ChatOptions options = this.context.getRequest().getOptions();
		return (options != null && StringUtils.hasText(options.getModel())) ? options.getModel() : UNKNOWN;
	}

	@Override
	public @Nullable String getResponseModel() {
		ChatResponse response = this.context.getResponse();
		String model = (response != null) ? response.getMetadata().getModel() : null;
		return StringUtils.hasText(model) ? model : null;
	}

	@Override
	public @Nullable Long getPromptTokens() {
		Usage usage = usage();
		return (usage != null && usage.getPromptTokens() != null) ? usage.getPromptTokens().longValue() : null;
	}

	@Override
	public @Nullable Long getCompletionTokens() {
		Usage usage = usage();
		return (usage != null && usage.getCompletionTokens() != null) ? usage.getCompletionTokens().longValue() : null;
	}

	@Override
	public long getCachedPromptTokens() {
		Usage usage = usage();
		Long cached = (usage != null) ? usage.getCacheReadInputTokens() : null;
		return (cached != null) ? cached : 0;
	}

	private @Nullable Usage usage() {
		ChatResponse response = this.context.getResponse();
		Usage usage = (response != null) ? response.getMetadata().getUsage() : null;
		return (usage instanceof EmptyUsage) ? null : usage;
	}

	@Override
	public @Nullable BigDecimal getCost() {
		BigDecimal cost = this.cost;
		if (cost == null && usage() != null) {
			cost = this.pricing.cost(this);
			this.cost = cost;
		}
		return cost;
	}

	@Override
	public @Nullable String getResponseId() {
		ChatResponse response = this.context.getResponse();
		String id = (response != null) ? response.getMetadata().getId() : null;
		return StringUtils.hasText(id) ? id : null;
	}

	@Override
	public List<String> getFinishReasons() {
		ChatResponse response = this.context.getResponse();
		if (response == null) {
			return List.of();
		}
		List<String> reasons = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			String reason = generation.getMetadata().getFinishReason();
			if (StringUtils.hasText(reason)) {
				reasons.add(reason.toLowerCase(Locale.ROOT));
			}
		}
		return reasons;
	}

	@Override
	public @Nullable String getConversationId() {
		return ChatClientLayers.PRESENT ? ChatClientLayers.conversationId(this.context) : null;
	}

	@Override
	public List<LlmMessage> getInputMessages() {
		List<LlmMessage> messages = new ArrayList<>();
		for (Message message : this.context.getRequest().getInstructions()) {
			if (message instanceof ToolResponseMessage toolResponses) {
				toolResponses.getResponses()
					.forEach((response) -> messages.add(LlmMessage.toolResult(response.id(), response.responseData())));
			}
			else if (message instanceof AssistantMessage assistant) {
				messages.add(assistant(assistant));
			}
			else {
				messages.add(LlmMessage.text(message.getMessageType().getValue(), message.getText()));
			}
		}
		return messages;
	}

	@Override
	public List<LlmMessage> getOutputMessages() {
		ChatResponse response = this.context.getResponse();
		return (response != null)
				? response.getResults().stream().map((result) -> assistant(result.getOutput())).toList() : List.of();
	}

	private static LlmMessage assistant(AssistantMessage message) {
		List<LlmMessage.ToolCall> toolCalls = message.getToolCalls()
			.stream()
			.map((call) -> new LlmMessage.ToolCall(call.id(), call.name(), call.arguments()))
			.toList();
		return new LlmMessage("assistant", message.getText(), toolCalls, null);
	}

	@Override
	public @Nullable Throwable getError() {
		return this.context.getError();
	}

}
