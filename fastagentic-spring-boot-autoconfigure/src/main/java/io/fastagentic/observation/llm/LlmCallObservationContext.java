package io.fastagentic.observation.llm;

import java.math.BigDecimal;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * Context of an {@code llm.call} observation. A sender context, so that the span is a
 * CLIENT span; the HTTP call to the provider, if any, injects its own trace headers.
 *
 * @author FastAgentic
 */
public class LlmCallObservationContext extends SenderContext<Object> {

	private final String provider;

	private final String requestModel;

	private @Nullable String responseModel;

	private @Nullable Long promptTokens;

	private @Nullable Long completionTokens;

	private long cachedPromptTokens;

	private @Nullable BigDecimal cost;

	private @Nullable String prompt;

	private @Nullable String completion;

	/**
	 * Create a context.
	 * @param provider the provider, for example {@code openai}
	 * @param requestModel the model requested
	 */
	public LlmCallObservationContext(String provider, String requestModel) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.provider = provider;
		this.requestModel = requestModel;
	}

	public String getProvider() {
		return this.provider;
	}

	public String getRequestModel() {
		return this.requestModel;
	}

	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	public void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	public @Nullable Long getPromptTokens() {
		return this.promptTokens;
	}

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

	public long getCachedPromptTokens() {
		return this.cachedPromptTokens;
	}

	public void setCachedPromptTokens(long cachedPromptTokens) {
		this.cachedPromptTokens = cachedPromptTokens;
	}

	/**
	 * The cost in USD, computed when the call ends.
	 * @return the cost, or {@code null} when the usage or the model's price is unknown
	 */
	public @Nullable BigDecimal getCost() {
		return this.cost;
	}

	void setCost(@Nullable BigDecimal cost) {
		this.cost = cost;
	}

	/**
	 * The prompt text; exported only when content capture is enabled.
	 * @return the prompt or {@code null}
	 */
	public @Nullable String getPrompt() {
		return this.prompt;
	}

	public void setPrompt(@Nullable String prompt) {
		this.prompt = prompt;
	}

	/**
	 * The completion text; exported only when content capture is enabled.
	 * @return the completion or {@code null}
	 */
	public @Nullable String getCompletion() {
		return this.completion;
	}

	public void setCompletion(@Nullable String completion) {
		this.completion = completion;
	}

}
