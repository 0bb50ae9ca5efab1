package io.fastagentic.observation.llm;

import java.math.BigDecimal;
import java.util.List;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * Context of an {@code llm.call} observation made by FastAgentic: through {@link LlmCall}
 * or a framework adapter that has no chat observation of its own. A sender context, so
 * that the span is a CLIENT span; the HTTP call to the provider, if any, injects its own
 * trace headers.
 *
 * @author FastAgentic
 */
public class LlmCallObservationContext extends SenderContext<Object> implements LlmCallDetails {

	private final @Nullable String adapter;

	private final String provider;

	private final String requestModel;

	private @Nullable String responseModel;

	private @Nullable Long promptTokens;

	private @Nullable Long completionTokens;

	private long cachedPromptTokens;

	private @Nullable BigDecimal cost;

	private @Nullable String responseId;

	private List<String> finishReasons = List.of();

	private @Nullable String conversationId;

	private List<LlmMessage> inputMessages = List.of();

	private List<LlmMessage> outputMessages = List.of();

	/**
	 * Create a context.
	 * @param adapter the framework making the call, or {@code null} for FastAgentic's own
	 * API
	 * @param provider the provider, for example {@code openai}
	 * @param requestModel the model requested
	 */
	public LlmCallObservationContext(@Nullable String adapter, String provider, String requestModel) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.adapter = adapter;
		this.provider = provider;
		this.requestModel = requestModel;
	}

	@Override
	public @Nullable String getAdapter() {
		return this.adapter;
	}

	@Override
	public String getProvider() {
		return this.provider;
	}

	@Override
	public String getRequestModel() {
		return this.requestModel;
	}

	@Override
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	public void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	@Override
	public @Nullable Long getPromptTokens() {
		return this.promptTokens;
	}

	@Override
	public @Nullable Long getCompletionTokens() {
		return this.completionTokens;
	}

	/**
	 * Record the token usage.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 */
	public void setUsage(long promptTokens, long completionTokens) {
		this.promptTokens = promptTokens;
		this.completionTokens = completionTokens;
	}

	@Override
	public long getCachedPromptTokens() {
		return this.cachedPromptTokens;
	}

	public void setCachedPromptTokens(long cachedPromptTokens) {
		this.cachedPromptTokens = cachedPromptTokens;
	}

	@Override
	public @Nullable BigDecimal getCost() {
		return this.cost;
	}

	void setCost(@Nullable BigDecimal cost) {
		this.cost = cost;
	}

	@Override
	public @Nullable String getResponseId() {
		return this.responseId;
	}

	public void setResponseId(@Nullable String responseId) {
		this.responseId = responseId;
	}

	@Override
	public List<String> getFinishReasons() {
		return this.finishReasons;
	}

	public void setFinishReasons(List<String> finishReasons) {
		this.finishReasons = List.copyOf(finishReasons);
	}

	@Override
	public @Nullable String getConversationId() {
		return this.conversationId;
	}

	public void setConversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
	}

	@Override
	public List<LlmMessage> getInputMessages() {
		return this.inputMessages;
	}

	public void setInputMessages(List<LlmMessage> inputMessages) {
		this.inputMessages = List.copyOf(inputMessages);
	}

	@Override
	public List<LlmMessage> getOutputMessages() {
		return this.outputMessages;
	}

	public void setOutputMessages(List<LlmMessage> outputMessages) {
		this.outputMessages = List.copyOf(outputMessages);
	}

}
