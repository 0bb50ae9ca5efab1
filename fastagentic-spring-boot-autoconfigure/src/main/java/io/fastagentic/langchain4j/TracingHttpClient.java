package io.fastagentic.langchain4j;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.fastagentic.observation.llm.LlmCall;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j {@link HttpClient} that observes every request to the provider: an HTTP
 * client span, child of the model's {@code llm.call}, whose context the tracing handler
 * writes into the request in the configured propagation formats. The events of a streamed
 * answer arrive on the HTTP client's threads; each is handled in the scope of the
 * observation that was current when the model was called (the {@code agent.run}, most
 * often), so the model's handler, the AI service's tools and the application's callbacks,
 * and the spans and log lines they write, belong to the caller's trace.
 *
 * @author FastAgentic
 */
final class TracingHttpClient implements HttpClient {

	private final HttpClient delegate;

	private final Supplier<@Nullable LangChain4jTracing> tracing;

	private final @Nullable LlmCallHandoff handoff;

	TracingHttpClient(HttpClient delegate, Supplier<@Nullable LangChain4jTracing> tracing,
			@Nullable LlmCallHandoff handoff) {
		this.delegate = delegate;
		this.tracing = tracing;
		this.handoff = handoff;
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		LangChain4jTracing tracing = this.tracing.get();
		if (tracing == null) {
			return this.delegate.execute(request);
		}
		LangChain4jHttpObservationContext context = new LangChain4jHttpObservationContext(request);
		Observation observation = tracing.httpCall(context);
		start(observation, (this.handoff != null) ? this.handoff.peek() : null);
		try {
			SuccessfulHttpResponse response = this.delegate.execute(context.requestToSend());
			context.setResponse(response);
			return response;
		}
		catch (RuntimeException ex) {
			failed(observation, context, ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventListener listener) {
		stream(request, null, listener);
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		stream(request, parser, listener);
	}

	private void stream(HttpRequest request, @Nullable ServerSentEventParser parser, ServerSentEventListener listener) {
		LangChain4jTracing tracing = this.tracing.get();
		if (tracing == null) {
			send(request, parser, listener);
			return;
		}
		Observation caller = tracing.registry().getCurrentObservation();
		LangChain4jHttpObservationContext context = new LangChain4jHttpObservationContext(request);
		Observation observation = tracing.httpCall(context);
		start(observation, (this.handoff != null) ? this.handoff.take() : null);
		try {
			send(context.requestToSend(), parser, new ScopedListener(listener, caller, observation, context));
		}
		catch (RuntimeException ex) {
			failed(observation, context, ex);
			observation.stop();
			throw ex;
		}
	}

	private void send(HttpRequest request, @Nullable ServerSentEventParser parser, ServerSentEventListener listener) {
		if (parser != null) {
			this.delegate.execute(request, parser, listener);
		}
		else {
			this.delegate.execute(request, listener);
		}
	}

	private static void start(Observation observation, @Nullable LlmCall parent) {
		if (parent == null) {
			observation.start();
			return;
		}
		try (Observation.Scope scope = parent.openScope()) {
			observation.start();
		}
	}

	private static void failed(Observation observation, LangChain4jHttpObservationContext context, Throwable failure) {
		if (failure instanceof HttpException http) {
			context.setStatusCode(http.statusCode());
		}
		observation.error(failure);
	}

	/**
	 * Ends the request's observation with the stream and hands every event to the model
	 * in the caller's scope.
	 */
	private static final class ScopedListener implements ServerSentEventListener {

		private final ServerSentEventListener delegate;

		private final @Nullable Observation caller;

		private final Observation observation;

		private final LangChain4jHttpObservationContext context;

		private final AtomicBoolean stopped = new AtomicBoolean();

		ScopedListener(ServerSentEventListener delegate, @Nullable Observation caller, Observation observation,
				LangChain4jHttpObservationContext context) {
			this.delegate = delegate;
			this.caller = caller;
			this.observation = observation;
			this.context = context;
		}

		@Override
		public void onOpen(SuccessfulHttpResponse response) {
			this.context.setResponse(response);
			try (Observation.Scope scope = callerScope()) {
				this.delegate.onOpen(response);
			}
		}

		@Override
		public void onEvent(ServerSentEvent event, ServerSentEventContext eventContext) {
			try (Observation.Scope scope = callerScope()) {
				this.delegate.onEvent(event, eventContext);
			}
		}

		@Override
		public void onEvent(ServerSentEvent event) {
			try (Observation.Scope scope = callerScope()) {
				this.delegate.onEvent(event);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			if (!this.stopped.get()) {
				failed(this.observation, this.context, throwable);
			}
			stop();
			try (Observation.Scope scope = callerScope()) {
				this.delegate.onError(throwable);
			}
		}

		@Override
		public void onClose() {
			// The stream is complete: the request ends before the model reports its
			// answer.
			stop();
			try (Observation.Scope scope = callerScope()) {
				this.delegate.onClose();
			}
		}

		private void stop() {
			if (this.stopped.compareAndSet(false, true)) {
				this.observation.stop();
			}
		}

		private Observation.@Nullable Scope callerScope() {
			return (this.caller != null) ? this.caller.openScope() : null;
		}

	}

}
