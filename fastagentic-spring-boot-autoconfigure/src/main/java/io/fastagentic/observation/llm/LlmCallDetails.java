package io.fastagentic.observation.llm;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one LLM call asked and reported, read the same way whichever code made the call:
 * FastAgentic's own {@link LlmCall}, or a framework's chat observation seen through its
 * adapter. Span keys ({@link LlmCallKeyValues}), token and cost metrics and the run's
 * totals are all computed from this view, in one place.
 *
 * @author FastAgentic
 */
public interface LlmCallDetails {

	/**
	 * The framework that made the call.
	 * @return for example {@code spring-ai} or {@code langchain4j}, or {@code null} for a
	 * call made through FastAgentic's own API
	 */
	@Nullable String getAdapter();

	/**
	 * The provider, as the OpenTelemetry GenAI conventions name it.
	 * @return for example {@code openai}
	 */
	String getProvider();

	/**
	 * The model requested.
	 * @return the model name, {@code unknown} when the request named none
	 */
	String getRequestModel();

	/**
	 * The model that answered.
	 * @return the model name, or {@code null} until the provider reported it
	 */
	@Nullable String getResponseModel();

	/**
	 * Input tokens, cached ones included.
	 * @return the count, or {@code null} until reported
	 */
	@Nullable Long getPromptTokens();

	/**
	 * Output tokens.
	 * @return the count, or {@code null} until reported
	 */
	@Nullable Long getCompletionTokens();

	/**
	 * Input tokens the provider served from its cache.
	 * @return the count, {@code 0} when none or unknown
	 */
	long getCachedPromptTokens();

	/**
	 * The cost in USD from the pricing table.
	 * @return the cost, or {@code null} when the usage or the model's price is unknown
	 */
	@Nullable BigDecimal getCost();

	/**
	 * The provider's id of the response.
	 * @return the id, or {@code null}
	 */
	@Nullable String getResponseId();

	/**
	 * Why the model stopped, one reason per choice, in the OpenTelemetry spelling
	 * ({@code stop}, {@code tool_calls}, {@code length}, ...).
	 * @return the reasons, empty until reported
	 */
	List<String> getFinishReasons();

	/**
	 * The conversation the call belongs to, when the framework keeps one.
	 * @return the id, or {@code null}
	 */
	@Nullable String getConversationId();

	/**
	 * The messages sent; exported only when content capture is enabled.
	 * @return the messages, oldest first
	 */
	List<LlmMessage> getInputMessages();

	/**
	 * The messages the model answered; exported only when content capture is enabled.
	 * @return the messages
	 */
	List<LlmMessage> getOutputMessages();

	/**
	 * What failed the call.
	 * @return the failure, or {@code null}
	 */
	@Nullable Throwable getError();

}
