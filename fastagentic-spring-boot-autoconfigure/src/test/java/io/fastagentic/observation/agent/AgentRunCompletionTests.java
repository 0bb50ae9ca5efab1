package io.fastagentic.observation.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.testing.AsyncServletRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import jakarta.servlet.AsyncEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link AgentRunCompletion}: the {@code agent.run} observation ends when the
 * work an endpoint returned really ends, and records how it failed.
 */
class AgentRunCompletionTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final Observation observation = AgentRunObservationDocumentation.AGENT_RUN
		.observation(null, new DefaultAgentRunObservationConvention(),
				() -> new AgentRunObservationContext(new AgentEndpointInfo("/chat", "/chat", "langchain4j", "gpt-4"),
						"run-1", "anonymous"),
				this.registry)
		.start();

	private final AsyncServletRequest async = new AsyncServletRequest("POST", "/chat");

	private final MockHttpServletRequest request = this.async.request();

	private final MockHttpServletResponse response = this.async.response();

	private final StandardServletAsyncWebRequest asyncWebRequest = this.async.asyncWebRequest();

	@BeforeEach
	void bindAsyncRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
	}

	@AfterEach
	void resetRequestContext() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void plainValueStopsTheRunAtOnce() {
		Object result = AgentRunCompletion.stopWhenDone("answer", this.observation);
		assertThat(result).isEqualTo("answer");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("agent.run")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void nullResultStopsTheRunAtOnce() {
		assertThat(AgentRunCompletion.stopWhenDone(null, this.observation)).isNull();
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

	@Test
	void completableFutureStopsTheRunOnlyWhenItCompletes() {
		CompletableFuture<String> future = new CompletableFuture<>();
		assertThat(AgentRunCompletion.stopWhenDone(future, this.observation)).isSameAs(future);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStarted().isNotStopped();
		future.complete("answer");
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void completableFutureThatNeverCompletesEndsTheRunWithTheAsyncRequestTimeout() throws Exception {
		CompletableFuture<String> never = new CompletableFuture<>();
		AgentRunCompletion.stopWhenDone(never, this.observation);
		// Spring MVC adapts the stage to a deferred result and waits for it.
		WebAsyncUtils.getAsyncManager(this.request).startDeferredResultProcessing(new DeferredResult<String>());
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		this.asyncWebRequest.onTimeout(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(TimeoutException.class)
			.hasMessageContaining("spring.mvc.async.request-timeout");
		never.complete("too late");
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

	@Test
	void completableFutureFailureIsRecordedUnwrappedAndStopsTheRun() {
		CompletableFuture<String> future = new CompletableFuture<>();
		CompletableFuture<String> returned = future.thenApply((value) -> value);
		AgentRunCompletion.stopWhenDone(returned, this.observation);
		IllegalStateException failure = new IllegalStateException("model unavailable");
		future.completeExceptionally(failure);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().hasError(failure);
	}

	@Test
	void streamingBodyStopsTheRunOnlyAfterTheLastByteIsWritten() throws IOException {
		AtomicReference<Observation> currentWhileWriting = new AtomicReference<>();
		StreamingResponseBody body = (output) -> {
			assertThat(this.registry).hasSingleObservationThat().isNotStopped();
			currentWhileWriting.set(this.registry.getCurrentObservation());
			output.write("token".getBytes());
		};
		Object result = AgentRunCompletion.stopWhenDone(body, this.observation);
		assertThat(result).isInstanceOf(StreamingResponseBody.class).isNotSameAs(body);
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		((StreamingResponseBody) result).writeTo(output);
		assertThat(output.toString()).isEqualTo("token");
		assertThat(currentWhileWriting).hasValue(this.observation);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void streamingBodyFailureIsRecordedRethrownAndStopsTheRun() {
		IOException failure = new IOException("Disk full");
		StreamingResponseBody body = (output) -> {
			throw failure;
		};
		StreamingResponseBody result = (StreamingResponseBody) AgentRunCompletion.stopWhenDone(body, this.observation);
		assertThatIOException().isThrownBy(() -> result.writeTo(new ByteArrayOutputStream())).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().hasError(failure);
	}

	@Test
	void responseEntityOfStreamingBodyKeepsItsStatusAndHeaders() throws IOException {
		StreamingResponseBody body = (output) -> output.write("data".getBytes());
		ResponseEntity<StreamingResponseBody> entity = ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("X-Custom", "kept")
			.header(HttpHeaders.CONTENT_TYPE, "text/plain")
			.body(body);
		Object result = AgentRunCompletion.stopWhenDone(entity, this.observation);
		assertThat(result).isInstanceOf(ResponseEntity.class).isNotSameAs(entity);
		ResponseEntity<?> rewrapped = (ResponseEntity<?>) result;
		assertThat(rewrapped.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(rewrapped.getHeaders().get("X-Custom")).containsExactly("kept");
		assertThat(rewrapped.getHeaders().getContentType()).hasToString("text/plain");
		assertThat(rewrapped.getBody()).isInstanceOf(StreamingResponseBody.class).isNotSameAs(body);
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		((StreamingResponseBody) rewrapped.getBody()).writeTo(output);
		assertThat(output.toString()).isEqualTo("data");
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

	@Test
	void responseEntityOfPlainValueIsReturnedAsIsAndStopsTheRun() {
		ResponseEntity<String> entity = ResponseEntity.ok("answer");
		assertThat(AgentRunCompletion.stopWhenDone(entity, this.observation)).isSameAs(entity);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

	@Test
	void sseEmitterStopsTheRunWhenTheAsyncRequestCompletes() throws Exception {
		SseEmitter emitter = new SseEmitter();
		assertThat(AgentRunCompletion.stopWhenDone(emitter, this.observation)).isSameAs(emitter);
		handleAsSpringMvcWould(emitter);
		emitter.send("token");
		emitter.complete();
		assertThat(this.response.getContentAsString()).isEqualTo("data:token\n\n");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		this.asyncWebRequest.onComplete(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void sseEmitterErrorIsRecordedAndStopsTheRun() throws Exception {
		SseEmitter emitter = new SseEmitter();
		AgentRunCompletion.stopWhenDone(emitter, this.observation);
		handleAsSpringMvcWould(emitter);
		IllegalStateException failure = new IllegalStateException("Stream source failed");
		this.asyncWebRequest.onError(new AsyncEvent(this.request.getAsyncContext(), failure));
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().hasError(failure);
	}

	@Test
	void sseEmitterWhoseClientHungUpStopsTheRunWithoutError() throws Exception {
		SseEmitter emitter = new SseEmitter();
		AgentRunCompletion.stopWhenDone(emitter, this.observation);
		handleAsSpringMvcWould(emitter);
		this.asyncWebRequest
			.onError(new AsyncEvent(this.request.getAsyncContext(), new IOException("Connection reset by peer")));
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasHighCardinalityKeyValue("client.aborted", "true");
	}

	@Test
	void monoStopsTheRunWhenItCompletes() {
		Mono<String> mono = Mono.just("answer");
		Object result = AgentRunCompletion.stopWhenDone(mono, this.observation);
		assertThat(result).isInstanceOf(Mono.class);
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		assertThat(((Mono<?>) result).block()).isEqualTo("answer");
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void monoFailureIsRecordedAndStopsTheRun() {
		IllegalStateException failure = new IllegalStateException("model unavailable");
		Mono<?> result = (Mono<?>) AgentRunCompletion.stopWhenDone(Mono.error(failure), this.observation);
		assertThatException().isThrownBy(result::block).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().hasError(failure);
	}

	@Test
	void fluxStopsTheRunAfterItsLastElement() {
		Sinks.Many<String> tokens = Sinks.many().unicast().onBackpressureBuffer();
		Flux<?> result = (Flux<?>) AgentRunCompletion.stopWhenDone(tokens.asFlux(), this.observation);
		List<Object> received = new ArrayList<>();
		result.subscribe(received::add);
		tokens.tryEmitNext("Hello");
		tokens.tryEmitNext("world");
		assertThat(received).containsExactly("Hello", "world");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		tokens.tryEmitComplete();
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void fluxFailureIsRecordedAndStopsTheRun() {
		IllegalStateException failure = new IllegalStateException("stream broke");
		Flux<?> result = (Flux<?>) AgentRunCompletion.stopWhenDone(Flux.just("Hello").concatWith(Flux.error(failure)),
				this.observation);
		assertThatException().isThrownBy(() -> result.collectList().block()).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().hasError(failure);
	}

	@Test
	void clientThatHungUpIsTheRunsOutcomeNotAnError() {
		IOException hangUp = new IOException("Broken pipe");
		Flux<?> result = (Flux<?>) AgentRunCompletion.stopWhenDone(Flux.just("Hello").concatWith(Flux.error(hangUp)),
				this.observation);
		assertThatException().isThrownBy(() -> result.collectList().block())
			.satisfies((thrown) -> assertThat(Exceptions.unwrap(thrown)).isSameAs(hangUp));
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasHighCardinalityKeyValue("client.aborted", "true");
	}

	@Test
	void clientMistakeAnsweredWith4xxIsNotAnError() {
		ResponseStatusException badRequest = new ResponseStatusException(HttpStatus.BAD_REQUEST, "message is blank");
		AgentRunCompletion.failed(this.observation, badRequest);
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.doesNotHaveHighCardinalityKeyValueWithKey("client.aborted");
	}

	@Test
	void serviceFailureAnsweredWith5xxIsAnError() {
		ResponseStatusException badGateway = new ResponseStatusException(HttpStatus.BAD_GATEWAY, "provider down");
		AgentRunCompletion.failed(this.observation, badGateway);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().hasError(badGateway);
	}

	@Test
	void cancelledFluxStopsTheRunWithoutError() {
		Flux<?> result = (Flux<?>) AgentRunCompletion.stopWhenDone(Flux.never(), this.observation);
		Disposable subscription = result.subscribe();
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		subscription.dispose();
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void cancelledMonoStopsTheRunWithoutError() {
		Mono<?> result = (Mono<?>) AgentRunCompletion.stopWhenDone(Mono.never(), this.observation);
		Disposable subscription = result.subscribe();
		subscription.dispose();
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void deferredResultStopsTheRunWhenTheAsyncRequestCompletes() throws Exception {
		WebAsyncManager asyncManager = WebAsyncUtils.getAsyncManager(this.request);
		DeferredResult<String> deferred = new DeferredResult<>();
		assertThat(AgentRunCompletion.stopWhenDone(deferred, this.observation)).isSameAs(deferred);
		asyncManager.startDeferredResultProcessing(deferred);
		deferred.setResult("answer");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		this.asyncWebRequest.onComplete(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void deferredResultTimeoutIsRecordedAndStopsTheRun() throws Exception {
		WebAsyncManager asyncManager = WebAsyncUtils.getAsyncManager(this.request);
		DeferredResult<String> deferred = new DeferredResult<>();
		AgentRunCompletion.stopWhenDone(deferred, this.observation);
		asyncManager.startDeferredResultProcessing(deferred);
		this.asyncWebRequest.onTimeout(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(TimeoutException.class);
	}

	@Test
	void deferredResultKeepsTheEndpointsOwnTimeoutFallback() throws Exception {
		WebAsyncManager asyncManager = WebAsyncUtils.getAsyncManager(this.request);
		DeferredResult<String> deferred = new DeferredResult<>();
		deferred.onTimeout(() -> deferred.setResult("fallback answer"));
		AgentRunCompletion.stopWhenDone(deferred, this.observation);
		asyncManager.startDeferredResultProcessing(deferred);
		this.asyncWebRequest.onTimeout(asyncEvent());
		assertThat(deferred.getResult()).isEqualTo("fallback answer");
		this.asyncWebRequest.onComplete(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

	private void handleAsSpringMvcWould(SseEmitter emitter) throws Exception {
		this.async.handleAsSpringMvcWould(emitter);
	}

	private AsyncEvent asyncEvent() {
		return this.async.event();
	}

}
