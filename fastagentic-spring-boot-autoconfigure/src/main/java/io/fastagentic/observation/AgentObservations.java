package io.fastagentic.observation;

import io.fastagentic.correlation.AgentTracer;
import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationContext;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationConvention;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationDocumentation;
import io.fastagentic.observation.checkpoint.DefaultCheckpointWriteObservationConvention;
import io.fastagentic.observation.llm.LlmCall;
import io.fastagentic.observation.llm.LlmCallObservationConvention;
import io.fastagentic.observation.llm.LlmCallback;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.scope.InScopeObservations;
import io.fastagentic.observation.stream.AgentStream;
import io.fastagentic.observation.stream.StreamEmitObservationConvention;
import io.fastagentic.observation.tool.ToolCallObservationConvention;
import io.fastagentic.observation.tool.ToolCalls;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes the work of an agent run: LLM calls, tool calls, checkpoint writes and
 * streamed events, each a Micrometer observation (so a span and a timer) that is a child
 * of the current one.
 *
 * <pre class="code">
 * Completion completion = observations.llmCall("openai", "gpt-4o", (call) -&gt; {
 *     Completion response = client.complete(request);
 *     call.usage(response.promptTokens(), response.completionTokens()).responseModel(response.model());
 *     return response;
 * });
 * </pre>
 *
 * An exception thrown by the observed work marks the span as an error and reaches the
 * caller unchanged.
 *
 * @author FastAgentic
 */
public class AgentObservations {

	private static final CheckpointWriteObservationConvention DEFAULT_CHECKPOINT_CONVENTION = new DefaultCheckpointWriteObservationConvention();

	private final ObservationRegistry registry;

	private final LlmPricing pricing;

	private final AgentTracer tracer;

	private final Conventions conventions;

	private final boolean spanPerStreamEvent;

	/**
	 * Create the observations entry point.
	 * @param registry where observations are made
	 * @param pricing prices LLM calls
	 * @param tracer gives the current run id to streams
	 * @param conventions conventions replacing the defaults
	 * @param spanPerStreamEvent whether every streamed event gets its own span
	 */
	public AgentObservations(ObservationRegistry registry, LlmPricing pricing, AgentTracer tracer,
			Conventions conventions, boolean spanPerStreamEvent) {
		this.registry = registry;
		this.pricing = pricing;
		this.tracer = tracer;
		this.conventions = conventions;
		this.spanPerStreamEvent = spanPerStreamEvent;
	}

	/**
	 * Observe one LLM call as {@code llm.call {model}}.
	 * @param <T> the response type
	 * @param <E> the exception the call may throw
	 * @param provider the provider, for example {@code openai}
	 * @param model the model requested
	 * @param callback makes the call and reports its usage
	 * @return the callback's result
	 * @throws E what the callback throws
	 */
	public <T, E extends Throwable> T llmCall(String provider, String model, LlmCallback<T, E> callback) throws E {
		LlmCall call = startLlmCall(provider, model);
		try (Observation.Scope scope = call.openScope()) {
			// Ended in its scope, as InScopeObservations does.
			try {
				return callback.call(call);
			}
			catch (Throwable ex) {
				call.error(ex);
				throw ex;
			}
			finally {
				call.end();
			}
		}
	}

	/**
	 * Start an LLM call whose end comes later, as with a streamed completion; call
	 * {@link LlmCall#end()} when the last token arrived.
	 * @param provider the provider, for example {@code openai}
	 * @param model the model requested
	 * @return the started call
	 */
	public LlmCall startLlmCall(String provider, String model) {
		return LlmCall.start(this.registry, this.conventions.llm(), this.pricing, provider, model);
	}

	/**
	 * Observe one tool call as {@code tool.call {name}}.
	 * @param <T> the result type
	 * @param <E> the exception the tool may throw
	 * @param name the tool's name
	 * @param arguments the tool's arguments, exported only when content capture is on
	 * @param tool runs the tool
	 * @return the tool's result
	 * @throws E what the tool throws
	 */
	public <T, E extends Throwable> T toolCall(String name, @Nullable Object arguments, ObservedCallable<T, E> tool)
			throws E {
		return ToolCalls.observe(this.registry, this.conventions.tool(), name, arguments, tool::call);
	}

	/**
	 * Observe one checkpoint write as {@code checkpoint.write}.
	 * @param <T> the result type
	 * @param <E> the exception the write may throw
	 * @param backend where checkpoints are kept, for example {@code jdbc}
	 * @param sizeBytes the checkpoint's size in bytes
	 * @param write writes the checkpoint
	 * @return the write's result
	 * @throws E what the write throws
	 */
	public <T, E extends Throwable> T checkpointWrite(String backend, long sizeBytes, ObservedCallable<T, E> write)
			throws E {
		CheckpointWriteObservationContext context = new CheckpointWriteObservationContext(backend, sizeBytes);
		return InScopeObservations.observe(CheckpointWriteObservationDocumentation.CHECKPOINT_WRITE
			.observation(this.conventions.checkpoint(), DEFAULT_CHECKPOINT_CONVENTION, () -> context, this.registry),
				write::call);
	}

	/**
	 * Start tracking the events of a streamed response of the current run; end it with
	 * {@link AgentStream#complete()}, {@link AgentStream#fail(Throwable)} or
	 * {@link AgentStream#close()}, or bind it to the response's emitter with
	 * {@link AgentStream#bindTo} so that the emitter's end, error or timeout ends it.
	 * <p>
	 * The server-sent events of an {@code @AgentEndpoint}'s response are recorded without
	 * this; inside such a run, this takes the run's own stream over, so that the events
	 * the code records are not counted twice.
	 * @return the stream
	 */
	public AgentStream startStream() {
		AgentRunObservationContext run = AgentRunObservationContext.enclosing(this.registry.getCurrentObservation());
		AgentStream runStream = (run != null) ? run.getStream() : null;
		if (runStream != null) {
			return runStream.recordedByApplication();
		}
		return AgentStream.start(this.registry, this.conventions.stream(), this.tracer.currentRunId(),
				this.spanPerStreamEvent);
	}

	/**
	 * Conventions replacing the defaults; {@code null} keeps a default.
	 *
	 * @param llm for {@code llm.call}
	 * @param tool for {@code tool.call}
	 * @param checkpoint for {@code checkpoint.write}
	 * @param stream for {@code stream.emit}
	 */
	public record Conventions(@Nullable LlmCallObservationConvention llm, @Nullable ToolCallObservationConvention tool,
			@Nullable CheckpointWriteObservationConvention checkpoint,
			@Nullable StreamEmitObservationConvention stream) {

		/**
		 * The default conventions.
		 * @return conventions that keep every default
		 */
		public static Conventions defaults() {
			return new Conventions(null, null, null, null);
		}

	}

}
