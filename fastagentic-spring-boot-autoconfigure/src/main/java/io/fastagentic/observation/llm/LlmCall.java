package io.fastagentic.observation.llm;

import java.util.List;
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
		return start(registry, convention, pricing, new LlmCallObservationContext(null, provider, model));
	}

	/**
	 * Start an LLM call described by a prepared context, as a child of the current
	 * observation (or of the context's parent observation, when set).
	 * @param registry where observations are made
	 * @param convention a convention replacing the default, or {@code null}
	 * @param pricing prices the call when it ends
	 * @param context the call's context, naming its adapter, provider and model
	 * @return the started call
	 */
	public static LlmCall start(ObservationRegistry registry, @Nullable LlmCallObservationConvention convention,
			LlmPricing pricing, LlmCallObservationContext context) {
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
	 * Report the provider's response id and why the model stopped.
	 * @param responseId the response id, or {@code null}
	 * @param finishReasons one reason per choice, in the OpenTelemetry spelling
	 * ({@code stop}, {@code tool_calls}, ...)
	 * @return this call
	 */
	public LlmCall response(@Nullable String responseId, List<String> finishReasons) {
		this.context.setResponseId(responseId);
		this.context.setFinishReasons(finishReasons);
		return this;
	}

	/**
	 * Keep the prompt as one user message, exported only when content capture is enabled.
	 * @param prompt the prompt text
	 * @return this call
	 */
	public LlmCall prompt(String prompt) {
		return inputMessages(List.of(LlmMessage.text("user", prompt)));
	}

	/**
	 * Keep the messages sent, exported only when content capture is enabled.
	 * @param messages the conversation sent, oldest first
	 * @return this call
	 */
	public LlmCall inputMessages(List<LlmMessage> messages) {
		this.context.setInputMessages(messages);
		return this;
	}

	/**
	 * Keep the completion as one assistant message, exported only when content capture is
	 * enabled.
	 * @param completion the completion text
	 * @return this call
	 */
	public LlmCall completion(String completion) {
		return outputMessages(List.of(LlmMessage.text("assistant", completion)));
	}

	/**
	 * Keep the messages answered, exported only when content capture is enabled.
	 * @param messages the model's answer
	 * @return this call
	 */
	public LlmCall outputMessages(List<LlmMessage> messages) {
		this.context.setOutputMessages(messages);
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
		this.context.setCost(this.pricing.cost(this.context));
		this.observation.stop();
	}

	@Override
	public void close() {
		end();
	}

}
