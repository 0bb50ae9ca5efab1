package io.fastagentic.observation.llm;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * An LLM call in progress: the {@code llm.call {model}} span stays open until
 * {@link #end()}, so usage reported at the end of a streamed completion still lands on
 * it. Cost is computed from the pricing table when the call ends.
 *
 * @author FastAgentic
 */
public final class LlmCall implements AutoCloseable {

	private static final LlmCallObservationConvention DEFAULT_CONVENTION = new DefaultLlmCallObservationConvention();

	private final Observation observation;

	private final LlmCallObservationContext context;

	private final LlmPricing pricing;

	private final AtomicBoolean ended = new AtomicBoolean();

	private LlmCall(Observation observation, LlmCallObservationContext context, LlmPricing pricing) {
		this.observation = observation;
		this.context = context;
		this.pricing = pricing;
	}

	/**
	 * Start an LLM call as a child of the current observation.
	 * @param registry where observations are made
	 * @param convention a convention replacing the default, or {@code null}
	 * @param pricing prices the call when it ends
	 * @param provider the provider, for example {@code openai}
	 * @param model the model requested
	 * @return the started call
	 */
	public static LlmCall start(ObservationRegistry registry, @Nullable LlmCallObservationConvention convention,
			LlmPricing pricing, String provider, String model) {
		LlmCallObservationContext context = new LlmCallObservationContext(provider, model);
		Observation observation = LlmCallObservationDocumentation.LLM_CALL
			.observation(convention, DEFAULT_CONVENTION, () -> context, registry)
			.start();
		return new LlmCall(observation, context, pricing);
	}

	/**
	 * Report the token usage, as the provider's usage block gives it.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @return this call
	 */
	public LlmCall usage(long promptTokens, long completionTokens) {
		this.context.setUsage(promptTokens, completionTokens);
		return this;
	}

	/**
	 * Report how many input tokens the provider served from its cache.
	 * @param cachedPromptTokens cached input tokens
	 * @return this call
	 */
	public LlmCall cachedPromptTokens(long cachedPromptTokens) {
		this.context.setCachedPromptTokens(cachedPromptTokens);
		return this;
	}

	/**
	 * Report the model that answered.
	 * @param responseModel the model name in the response
	 * @return this call
	 */
	public LlmCall responseModel(String responseModel) {
		this.context.setResponseModel(responseModel);
		return this;
	}

	/**
	 * Keep the prompt, exported only when content capture is enabled.
	 * @param prompt the prompt text
	 * @return this call
	 */
	public LlmCall prompt(String prompt) {
		this.context.setPrompt(prompt);
		return this;
	}

	/**
	 * Keep the completion, exported only when content capture is enabled.
	 * @param completion the completion text
	 * @return this call
	 */
	public LlmCall completion(String completion) {
		this.context.setCompletion(completion);
		return this;
	}

	/**
	 * Mark the call as failed.
	 * @param failure what went wrong
	 * @return this call
	 */
	public LlmCall error(Throwable failure) {
		this.observation.error(failure);
		return this;
	}

	/**
	 * Make this call the current observation, for work on another thread.
	 * @return the scope to close
	 */
	public Observation.Scope openScope() {
		return this.observation.openScope();
	}

	/**
	 * End the call: price it and close its span. Further calls do nothing.
	 */
	public void end() {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		Long promptTokens = this.context.getPromptTokens();
		Long completionTokens = this.context.getCompletionTokens();
		if (promptTokens != null && completionTokens != null) {
			String responseModel = this.context.getResponseModel();
			String pricedModel = (responseModel != null) ? responseModel : this.context.getRequestModel();
			this.context.setCost(this.pricing.cost(pricedModel, promptTokens, completionTokens,
					this.context.getCachedPromptTokens()));
		}
		this.observation.stop();
	}

	@Override
	public void close() {
		end();
	}

}
