package io.fastagentic.langchain4j;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.DefaultExecutorProvider;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import dev.langchain4j.service.tool.ToolService;
import dev.langchain4j.service.tool.ToolServiceContext;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The tool service of an AI service, whose tools are executed through
 * {@link TracingToolExecutor}s: the tools of objects, of maps and of tool providers (MCP
 * servers included) alike. Executors are wrapped in each invocation's context and left
 * unwrapped where they are registered, where LangChain4j inspects them; tools that a
 * dynamic provider adds during an invocation are wrapped as they come. Tools executed
 * concurrently run in the scope of the observation that asked for them.
 *
 * @author FastAgentic
 */
final class TracingToolService extends ToolService {

	private final Supplier<@Nullable LangChain4jTracing> tracing;

	TracingToolService(Supplier<@Nullable LangChain4jTracing> tracing) {
		this.tracing = tracing;
	}

	@Override
	public ToolServiceContext createContext(InvocationContext invocationContext, UserMessage userMessage,
			List<ChatMessage> messages) {
		ToolServiceContext context = super.createContext(invocationContext, userMessage, messages);
		if (context == null || context.toolExecutors().isEmpty()) {
			return context;
		}
		return context.toBuilder().toolExecutors(wrap(context.toolExecutors())).build();
	}

	private Map<String, ToolExecutor> wrap(Map<String, ToolExecutor> executors) {
		Map<String, ToolExecutor> wrapped = new LinkedHashMap<>();
		executors.forEach((name, executor) -> wrapped.put(name, TracingToolExecutor.wrap(executor, this.tracing)));
		return wrapped;
	}

	@Override
	public void toolProvider(ToolProvider toolProvider) {
		super.toolProvider(traced(toolProvider));
	}

	@Override
	public void toolProviders(Collection<ToolProvider> toolProviders) {
		if (toolProviders != null) {
			super.toolProviders(toolProviders.stream().map(this::traced).toList());
		}
	}

	private @Nullable ToolProvider traced(@Nullable ToolProvider provider) {
		return (provider != null && provider.isDynamic()) ? new DynamicToolProvider(provider, this.tracing) : provider;
	}

	@Override
	public void executeToolsConcurrently() {
		executeToolsConcurrently(DefaultExecutorProvider.getDefaultExecutorService());
	}

	@Override
	public void executeToolsConcurrently(@Nullable Executor executor) {
		Executor target = (executor != null) ? executor : DefaultExecutorProvider.getDefaultExecutorService();
		super.executeToolsConcurrently(new ScopedExecutor(target, this.tracing));
	}

	/**
	 * A dynamic tool provider whose tools are traced: they join an invocation after its
	 * context was created.
	 */
	private record DynamicToolProvider(ToolProvider delegate,
			Supplier<@Nullable LangChain4jTracing> tracing) implements ToolProvider {

		@Override
		public @Nullable ToolProviderResult provideTools(ToolProviderRequest request) {
			ToolProviderResult result = this.delegate.provideTools(request);
			if (result == null) {
				return null;
			}
			ToolProviderResult.Builder traced = ToolProviderResult.builder();
			for (AiServiceTool tool : result.aiServiceTools()) {
				traced.add(tool.toBuilder()
					.toolExecutor(TracingToolExecutor.wrap(tool.toolExecutor(), this.tracing))
					.build());
			}
			return traced.build();
		}

		@Override
		public boolean isDynamic() {
			return true;
		}

	}

	/**
	 * Runs each task in the scope of the observation current when it was submitted.
	 */
	private record ScopedExecutor(Executor delegate,
			Supplier<@Nullable LangChain4jTracing> tracing) implements Executor {

		@Override
		public void execute(Runnable task) {
			LangChain4jTracing tracing = this.tracing.get();
			Observation parent = (tracing != null) ? tracing.registry().getCurrentObservation() : null;
			if (parent == null) {
				this.delegate.execute(task);
				return;
			}
			this.delegate.execute(() -> {
				try (Observation.Scope scope = parent.openScope()) {
					task.run();
				}
			});
		}

	}

}
