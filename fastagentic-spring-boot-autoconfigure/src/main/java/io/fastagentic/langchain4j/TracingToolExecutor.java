package io.fastagentic.langchain4j;

import java.util.function.Supplier;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import io.fastagentic.observation.scope.InScopeObservations;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Observes every execution of a tool of an AI service as {@code tool.call {name}}, with
 * the model's call id. The observation wraps the execution itself, so its span lasts
 * exactly as long as the tool ran (LangChain4j's own tool events carry no duration), and
 * it is the current observation while the tool runs: the tool's own outgoing calls are
 * its children, and FastAgentic's {@code @AgentTool} aspect adds no second span.
 *
 * @author FastAgentic
 */
final class TracingToolExecutor implements ToolExecutor {

	private final ToolExecutor delegate;

	private final Supplier<@Nullable LangChain4jTracing> tracing;

	private TracingToolExecutor(ToolExecutor delegate, Supplier<@Nullable LangChain4jTracing> tracing) {
		this.delegate = delegate;
		this.tracing = tracing;
	}

	static ToolExecutor wrap(ToolExecutor executor, Supplier<@Nullable LangChain4jTracing> tracing) {
		return (executor instanceof TracingToolExecutor) ? executor : new TracingToolExecutor(executor, tracing);
	}

	@Override
	public String execute(ToolExecutionRequest request, Object memoryId) {
		LangChain4jTracing tracing = this.tracing.get();
		if (tracing == null) {
			return this.delegate.execute(request, memoryId);
		}
		Observation observation = tracing.toolCall(request);
		return InScopeObservations.observe(observation, () -> {
			String result = this.delegate.execute(request, memoryId);
			((ToolCallObservationContext) observation.getContext()).setResult(result);
			return result;
		});
	}

	@Override
	public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
		LangChain4jTracing tracing = this.tracing.get();
		if (tracing == null) {
			return this.delegate.executeWithContext(request, context);
		}
		Observation observation = tracing.toolCall(request);
		return InScopeObservations.observe(observation, () -> {
			ToolExecutionResult result = this.delegate.executeWithContext(request, context);
			((ToolCallObservationContext) observation.getContext()).setResult(result.resultText());
			return result;
		});
	}

}
