package io.fastagentic.observation.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fastagentic.observation.outcome.ClientOutcomes;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Stops an {@code agent.run} observation when the work an endpoint returned really ends:
 * at once for a plain value, when a {@link CompletionStage} or {@link DeferredResult}
 * completes or Spring MVC's async request timeout expires (seen through the request's
 * async manager, so the endpoint keeps its own callbacks), after the last event of a
 * {@link ResponseBodyEmitter} (and so {@code SseEmitter}), after a
 * {@link StreamingResponseBody} wrote its last byte, and when a Reactor {@code Flux} or
 * {@code Mono} terminates. A failure marks the observation as an error first.
 *
 * @author FastAgentic
 */
final class AgentRunCompletion {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Flux",
			AgentRunCompletion.class.getClassLoader());

	private final Observation observation;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private AgentRunCompletion(Observation observation) {
		this.observation = observation;
	}

	/**
	 * Arrange for the observation to stop when the result completes.
	 * @param result what the endpoint returned
	 * @param observation the started observation
	 * @return the result to hand to Spring MVC: the same object, or a wrapper that
	 * reports its end
	 */
	static @Nullable Object stopWhenDone(@Nullable Object result, Observation observation) {
		AgentRunCompletion completion = new AgentRunCompletion(observation);
		if (result instanceof ResponseEntity<?> entity) {
			Object body = entity.getBody();
			Object trackedBody = completion.track(body);
			return (trackedBody == body) ? result
					: new ResponseEntity<>(trackedBody, entity.getHeaders(), entity.getStatusCode());
		}
		return completion.track(result);
	}

	private @Nullable Object track(@Nullable Object result) {
		if (result instanceof ResponseBodyEmitter emitter) {
			emitter.onCompletion(this::stop);
			emitter.onError(this::fail);
			emitter.onTimeout(() -> fail(new TimeoutException("The response stream timed out")));
			return result;
		}
		if (result instanceof CompletionStage<?> stage) {
			// Spring MVC waits for the stage as for a deferred result, up to
			// spring.mvc.async.request-timeout: a stage that never completes ends the
			// run then.
			trackThroughAsyncManager();
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					fail(unwrap(failure));
				}
				else {
					stop();
				}
			});
			return result;
		}
		if (result instanceof DeferredResult<?> && trackThroughAsyncManager()) {
			return result;
		}
		if (result instanceof StreamingResponseBody body) {
			return (StreamingResponseBody) (output) -> write(body, output);
		}
		if (REACTOR_PRESENT && ReactorTypes.isReactive(result)) {
			return ReactorTypes.track(result, this);
		}
		stop();
		return result;
	}

	/**
	 * A {@link DeferredResult} keeps one callback per event, and those belong to the
	 * endpoint: listen through the request's async manager instead.
	 */
	private boolean trackThroughAsyncManager() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		WebAsyncUtils.getAsyncManager(attributes.getRequest())
			.registerDeferredResultInterceptor(this, new DeferredResultProcessingInterceptor() {

				@Override
				public <T> boolean handleTimeout(NativeWebRequest request, DeferredResult<T> deferredResult) {
					fail(new TimeoutException("The agent run did not complete within the async request timeout "
							+ "(spring.mvc.async.request-timeout)"));
					return true;
				}

				@Override
				public <T> boolean handleError(NativeWebRequest request, DeferredResult<T> deferredResult,
						Throwable failure) {
					fail(failure);
					return true;
				}

				@Override
				public <T> void afterCompletion(NativeWebRequest request, DeferredResult<T> deferredResult) {
					if (deferredResult.getResult() instanceof Throwable failure) {
						fail(failure);
					}
					stop();
				}

			});
		return true;
	}

	private void write(StreamingResponseBody body, OutputStream output) throws IOException {
		try (Observation.Scope scope = this.observation.openScope()) {
			try {
				body.writeTo(output);
			}
			catch (Throwable ex) {
				fail(ex);
				throw ex;
			}
			finally {
				stop();
			}
		}
	}

	void fail(Throwable failure) {
		if (!this.stopped.get()) {
			recordFailure(this.observation, failure);
		}
		stop(failure);
	}

	/**
	 * Stop a run that failed before it returned.
	 * @param observation the run's observation
	 * @param failure what the endpoint threw
	 */
	static void failed(Observation observation, Throwable failure) {
		recordFailure(observation, failure);
		endStream(observation, failure);
		observation.stop();
	}

	/**
	 * The stream of the run's response ends with the run, before it: a failure of the run
	 * that is not the client's fails the stream too.
	 */
	private static void endStream(Observation observation, @Nullable Throwable failure) {
		if (observation.getContext() instanceof AgentRunObservationContext run && run.getStream() != null) {
			if (failure != null && !ClientOutcomes.isClientError(failure)) {
				run.getStream().fail(failure);
			}
			else {
				run.getStream().complete();
			}
		}
	}

	/**
	 * A failure of the service makes the run an error; a client mistake (answered 4xx)
	 * does not, and a client that hung up is recorded as such.
	 */
	private static void recordFailure(Observation observation, Throwable failure) {
		if (ClientOutcomes.isClientAbort(failure)) {
			if (observation.getContext() instanceof AgentRunObservationContext run) {
				run.setClientAborted(true);
			}
		}
		else if (!ClientOutcomes.isClientError(failure)) {
			observation.error(failure);
		}
	}

	void stop() {
		stop(null);
	}

	private void stop(@Nullable Throwable failure) {
		if (this.stopped.compareAndSet(false, true)) {
			endStream(this.observation, failure);
			this.observation.stop();
		}
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/**
	 * Kept apart so that Reactor classes load only when Reactor is present.
	 */
	private static final class ReactorTypes {

		static boolean isReactive(@Nullable Object result) {
			return result instanceof Flux<?> || result instanceof Mono<?>;
		}

		/**
		 * The run's observation also goes into the Reactor context, so that the work done
		 * when Spring MVC subscribes (after the endpoint returned and its scope closed)
		 * belongs to the run: observations made there, such as a streamed LLM call, take
		 * it as their parent, and with automatic context propagation the spans and log
		 * lines of the threads Reactor hops to carry the run's trace and run id. The run
		 * stops as the stream's end passes by, before Spring MVC hears of it and ends the
		 * response, so that the HTTP span never ends before the run it holds.
		 */
		static Object track(Object result, AgentRunCompletion completion) {
			if (result instanceof Mono<?> mono) {
				return mono.doOnError(completion::fail)
					.doOnTerminate(completion::stop)
					.doOnCancel(completion::stop)
					.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, completion.observation));
			}
			return ((Flux<?>) result).doOnError(completion::fail)
				.doOnTerminate(completion::stop)
				.doOnCancel(completion::stop)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, completion.observation));
		}

	}

}
