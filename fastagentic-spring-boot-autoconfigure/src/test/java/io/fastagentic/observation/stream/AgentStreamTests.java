package io.fastagentic.observation.stream;

import java.io.IOException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastagentic.testing.AsyncServletRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import jakarta.servlet.AsyncEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how an {@link AgentStream} ends, whoever ends it.
 */
class AgentStreamTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AsyncServletRequest async = new AsyncServletRequest("POST", "/chat/stream");

	private ExecutorService executor;

	@BeforeEach
	void startExecutor() {
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
		this.async.handleAsSpringMvcWould(emitter);
		stream.emitted("token");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		this.async.asyncWebRequest().onComplete(this.async.event());
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().doesNotHaveError();
	}

	@Test
	void boundStreamFailsWhenTheEmitterTimesOut() throws Exception {
		SseEmitter emitter = new SseEmitter();
		AgentStream stream = start().bindTo(emitter);
		this.async.handleAsSpringMvcWould(emitter);
		stream.emitted("token");
		this.async.asyncWebRequest().onTimeout(this.async.event());
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
		this.async.handleAsSpringMvcWould(emitter);
		stream.emitted("token");
		IllegalStateException failure = new IllegalStateException("model stream broke");
		this.async.asyncWebRequest().onError(new AsyncEvent(this.async.request().getAsyncContext(), failure));
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

}
