package io.fastagentic.langchain4j;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import org.jspecify.annotations.Nullable;

/**
 * The tracing of one LangChain4j chat model: a listener that makes its {@code llm.call}
 * spans and an HTTP client whose provider requests are their children and carry the trace
 * context. Both record with the {@linkplain LangChain4jTracing#current() running
 * application's} tracing, looked up at each call, unless the model was
 * {@linkplain #bind(List, LangChain4jTracing) bound} to an application's tracing (as
 * FastAgentic binds every chat model bean to its application's).
 * <p>
 * OpenAI models built with their builders get it without any code. For a model of another
 * provider, give both to its builder:
 *
 * <pre class="code">
 * LangChain4jModelTracing tracing = LangChain4jModelTracing.create();
 * AnthropicChatModel model = AnthropicChatModel.builder()
 *     .listeners(tracing.listener())
 *     .httpClientBuilder(tracing.httpClientBuilder())
 *     ...
 *     .build();
 * </pre>
 *
 * @author FastAgentic
 */
public final class LangChain4jModelTracing {

	private final LlmCallHandoff handoff = new LlmCallHandoff();

	private final TracingChatModelListener listener;

	private volatile @Nullable LangChain4jTracing bound;

	private LangChain4jModelTracing() {
		this.listener = new TracingChatModelListener(this);
	}

	/**
	 * The tracing of a model, recording with the running application's tracing until
	 * {@linkplain #bind(List, LangChain4jTracing) bound} to one.
	 * @return the model's tracing
	 */
	public static LangChain4jModelTracing create() {
		return new LangChain4jModelTracing();
	}

	/**
	 * Make the model whose listeners are given record with an application's tracing
	 * rather than with the running application's: the application that owns the model
	 * bean, when several run in one JVM (as cached test contexts do). Listeners other
	 * than those of a {@code LangChain4jModelTracing} are left alone.
	 * @param listeners the model's listeners
	 * @param tracing the tracing to record with
	 */
	public static void bind(List<ChatModelListener> listeners, LangChain4jTracing tracing) {
		for (ChatModelListener listener : listeners) {
			if (listener instanceof TracingChatModelListener traced && traced.model() != null) {
				traced.model().bound = tracing;
			}
		}
	}

	/**
	 * The tracing the model records with now.
	 */
	@Nullable LangChain4jTracing tracing() {
		LangChain4jTracing bound = this.bound;
		return (bound != null) ? bound : LangChain4jTracing.current();
	}

	LlmCallHandoff handoff() {
		return this.handoff;
	}

	/**
	 * The listener to add to the model's listeners.
	 * @return the listener
	 */
	public ChatModelListener listener() {
		return this.listener;
	}

	/**
	 * An HTTP client builder for the model, building the HTTP client that LangChain4j
	 * finds on the classpath (as a model does when given none).
	 * @return the builder
	 */
	public HttpClientBuilder httpClientBuilder() {
		return httpClientBuilder(HttpClientBuilderLoader.loadHttpClientBuilder());
	}

	/**
	 * An HTTP client builder for the model, building the client of the given builder.
	 * @param delegate builds the client that sends the requests
	 * @return the builder
	 */
	public HttpClientBuilder httpClientBuilder(HttpClientBuilder delegate) {
		return new TracingHttpClientBuilder(delegate, this::tracing, this.handoff);
	}

	/**
	 * The listeners of a model built by a traced builder: this listener first, so that it
	 * starts the call that the model's HTTP client continues.
	 */
	List<ChatModelListener> listenersWith(@Nullable List<ChatModelListener> listeners) {
		List<ChatModelListener> all = new ArrayList<>();
		all.add(this.listener);
		if (listeners != null) {
			all.addAll(listeners);
		}
		return all;
	}

	/**
	 * The HTTP client builder of a model built by a traced builder; one the application
	 * already traced stays as it is.
	 */
	HttpClientBuilder httpClientBuilderWrapping(@Nullable HttpClientBuilder builder) {
		if (builder instanceof TracingHttpClientBuilder) {
			return builder;
		}
		return (builder != null) ? httpClientBuilder(builder) : httpClientBuilder();
	}

}
