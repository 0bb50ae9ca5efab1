package io.fastagentic.langchain4j;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.fastagentic.observation.llm.LlmCall;
import io.fastagentic.observation.llm.LlmCallObservationConvention;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.tool.DefaultToolCallObservationConvention;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import io.fastagentic.observation.tool.ToolCallObservationConvention;
import io.fastagentic.observation.tool.ToolCallObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * What the LangChain4j adapter records with: the application's observation registry,
 * prices and conventions. LangChain4j creates its SPI implementations (model builders, AI
 * service contexts) itself, outside any application context, so the running application
 * {@linkplain #activate() activates} its tracing and the models, HTTP clients and tool
 * executors built through those SPIs look it up when they are called: a model built
 * before the application started is traced all the same. When several applications run in
 * one JVM, a model bean records with its own application's tracing (see
 * {@link LangChain4jModelTracing#bind}), and so do the AI services built on it; other
 * models use the tracing activated last. Nothing is recorded while none is active.
 *
 * @author FastAgentic
 */
public final class LangChain4jTracing {

	/**
	 * The adapter name recorded on LLM calls, and so on the {@code agent.run} they belong
	 * to.
	 */
	public static final String ADAPTER = "langchain4j";

	private static final ToolCallObservationConvention DEFAULT_TOOL_CONVENTION = new DefaultToolCallObservationConvention();

	private static final LangChain4jHttpObservationConvention DEFAULT_HTTP_CONVENTION = new DefaultLangChain4jHttpObservationConvention();

	private static final List<LangChain4jTracing> active = new ArrayList<>();

	private static volatile @Nullable LangChain4jTracing current;

	private final ObservationRegistry registry;

	private final LlmPricing pricing;

	private final @Nullable LlmCallObservationConvention llmConvention;

	private final @Nullable ToolCallObservationConvention toolConvention;

	private final @Nullable LangChain4jHttpObservationConvention httpConvention;

	/**
	 * Create the tracing of one application.
	 * @param registry where observations are made
	 * @param pricing prices LLM calls
	 * @param llmConvention a convention replacing the default {@code llm.call} one, or
	 * {@code null}
	 * @param toolConvention a convention replacing the default {@code tool.call} one, or
	 * {@code null}
	 * @param httpConvention a convention replacing the default HTTP client one, or
	 * {@code null}
	 */
	public LangChain4jTracing(ObservationRegistry registry, LlmPricing pricing,
			@Nullable LlmCallObservationConvention llmConvention,
			@Nullable ToolCallObservationConvention toolConvention,
			@Nullable LangChain4jHttpObservationConvention httpConvention) {
		this.registry = registry;
		this.pricing = pricing;
		this.llmConvention = llmConvention;
		this.toolConvention = toolConvention;
		this.httpConvention = httpConvention;
	}

	/**
	 * The tracing that models and tools built through LangChain4j's SPIs record with.
	 * @return the tracing activated last and not yet closed, or {@code null}
	 */
	public static @Nullable LangChain4jTracing current() {
		return current;
	}

	/**
	 * Make this tracing the one that models and tools built through LangChain4j's SPIs
	 * record with, until the returned activation is closed.
	 * @return the activation; close it when the application stops
	 */
	public Activation activate() {
		synchronized (active) {
			active.add(this);
			current = this;
		}
		return new Activation(this);
	}

	ObservationRegistry registry() {
		return this.registry;
	}

	LlmCall startLlmCall(LangChain4jLlmCallContext context) {
		return LlmCall.start(this.registry, this.llmConvention, this.pricing, context);
	}

	LangChain4jLlmCallContext llmCallContext(ChatRequest request, @Nullable ModelProvider provider) {
		return new LangChain4jLlmCallContext(request, ProviderNames.of(provider));
	}

	Observation toolCall(ToolExecutionRequest request) {
		ToolCallObservationContext context = new ToolCallObservationContext(request.name());
		context.setToolCallId(request.id());
		context.setArguments(request.arguments());
		return ToolCallObservationDocumentation.TOOL_CALL.observation(this.toolConvention, DEFAULT_TOOL_CONVENTION,
				() -> context, this.registry);
	}

	Observation httpCall(LangChain4jHttpObservationContext context) {
		return LangChain4jHttpObservationDocumentation.HTTP_CLIENT.observation(this.httpConvention,
				DEFAULT_HTTP_CONVENTION, () -> context, this.registry);
	}

	/**
	 * Keeps a tracing active until closed.
	 */
	public static final class Activation implements AutoCloseable {

		private final LangChain4jTracing tracing;

		private Activation(LangChain4jTracing tracing) {
			this.tracing = tracing;
		}

		@Override
		public void close() {
			synchronized (active) {
				active.remove(this.tracing);
				current = active.isEmpty() ? null : active.get(active.size() - 1);
			}
		}

	}

}
