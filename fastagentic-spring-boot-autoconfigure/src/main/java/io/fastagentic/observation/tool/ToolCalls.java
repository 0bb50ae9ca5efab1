package io.fastagentic.observation.tool;

import io.fastagentic.observation.scope.InScopeObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes one tool call as {@code tool.call {name}}, for every entry point that runs a
 * tool: the programmatic API and the {@code @AgentTool} aspect.
 *
 * @author FastAgentic
 */
public final class ToolCalls {

	private static final ToolCallObservationConvention DEFAULT_CONVENTION = new DefaultToolCallObservationConvention();

	private ToolCalls() {
	}

	/**
	 * Run a tool inside its observation: a failure marks the span as an error and reaches
	 * the caller unchanged.
	 * @param <T> the result type
	 * @param <E> the exception the tool may throw
	 * @param registry where the observation is made
	 * @param convention a convention replacing the default, or {@code null}
	 * @param name the tool's name
	 * @param arguments the tool's arguments, exported only when content capture is on
	 * @param tool runs the tool
	 * @return the tool's result
	 * @throws E what the tool throws
	 */
	public static <T, E extends Throwable> @Nullable T observe(ObservationRegistry registry,
			@Nullable ToolCallObservationConvention convention, String name, @Nullable Object arguments,
			Observation.CheckedCallable<T, E> tool) throws E {
		ToolCallObservationContext context = new ToolCallObservationContext(name);
		context.setArguments(arguments);
		return InScopeObservations.observe(ToolCallObservationDocumentation.TOOL_CALL.observation(convention,
				DEFAULT_CONVENTION, () -> context, registry), () -> {
					T result = tool.call();
					context.setResult(result);
					return result;
				});
	}

}
