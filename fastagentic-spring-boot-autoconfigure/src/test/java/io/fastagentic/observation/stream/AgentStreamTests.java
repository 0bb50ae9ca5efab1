package io.fastagentic.observation.stream;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import jakarta.servlet.AsyncEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitterReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how an {@link AgentStream} ends, whoever ends it.
 */
class AgentStreamTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat/stream");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final StandardServletAsyncWebRequest asyncWebRequest = new StandardServletAsyncWebRequest(this.request,
			this.response);

	private ExecutorService executor;

	@BeforeEach
	void bindAsyncRequest() {
		this.request.setAsyncSupported(true);
		WebAsyncUtils.getAsyncManager(this.request).setAsyncWebRequest(this.asyncWebRequest);
		this.executor = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	@Test
	void tryWithResourcesEndsAStreamItsCallerForgotToComplete() {
		try (AgentStream stream = start()) {
			stream.emitted("token");
		}
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void boundStreamEndsWhenTheEmitterCompletes() throws Exception {
		SseEmitter emitter = new SseEmitter();
		AgentStream stream = start().bindTo(emitter);
		handleAsSpringMvcWould(emitter);
		stream.emitted("token");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		this.asyncWebRequest.onComplete(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void boundStreamFailsWhenTheEmitterTimesOut() throws Exception {
		SseEmitter emitter = new SseEmitter();
		AgentStream stream = start().bindTo(emitter);
		handleAsSpringMvcWould(emitter);
		stream.emitted("token");
		this.asyncWebRequest.onTimeout(asyncEvent());
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(TimeoutException.class)
			.hasMessageContaining("spring.mvc.async.request-timeout");
	}

	@Test
	void boundStreamFailsWhenTheEmitterFails() throws Exception {
		SseEmitter emitter = new SseEmitter();
		AgentStream stream = start().bindTo(emitter);
		handleAsSpringMvcWould(emitter);
		stream.emitted("token");
		IllegalStateException failure = new IllegalStateException("model stream broke");
		this.asyncWebRequest.onError(new AsyncEvent(this.request.getAsyncContext(), failure));
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().assertThatError().isSameAs(failure);
	}

	@Test
	void eventRacingTheEndNeverLeavesAnOpenSpan() throws Exception {
		AtomicInteger started = new AtomicInteger();
		AtomicInteger stopped = new AtomicInteger();
		ObservationRegistry counting = ObservationRegistry.create();
		counting.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				started.incrementAndGet();
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.incrementAndGet();
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		for (int round = 0; round < 500; round++) {
			AgentStream stream = AgentStream.start(counting, null, "run-1", false);
			CyclicBarrier start = new CyclicBarrier(2);
			Future<?> emitting = this.executor.submit(() -> {
				start.await();
				stream.emitted("token");
				return null;
			});
			Future<?> ending = this.executor.submit(() -> {
				start.await();
				stream.complete();
				return null;
			});
			emitting.get(10, TimeUnit.SECONDS);
			ending.get(10, TimeUnit.SECONDS);
		}
		assertThat(stopped).hasValue(started.get());
	}

	@Test
	void clientThatHungUpEndsTheStreamWithoutError() {
		AgentStream stream = start();
		stream.emitted("token");
		stream.fail(new IOException("Broken pipe"));
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	private AgentStream start() {
		return AgentStream.start(this.registry, null, "run-1", false);
	}

	private void handleAsSpringMvcWould(SseEmitter emitter) throws Exception {
		ResponseBodyEmitterReturnValueHandler handler = new ResponseBodyEmitterReturnValueHandler(
				List.of(new StringHttpMessageConverter()));
		MethodParameter returnType = new MethodParameter(Endpoints.class.getDeclaredMethod("stream"), -1);
		handler.handleReturnValue(emitter, returnType, new ModelAndViewContainer(),
				new ServletWebRequest(this.request, this.response));
	}

	private AsyncEvent asyncEvent() {
		return new AsyncEvent(this.request.getAsyncContext(), this.request, this.response);
	}

	interface Endpoints {

		SseEmitter stream();

	}

}
