package io.fastagentic.observation.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.fastagentic.observation.outcome.ClientOutcomes;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The events sent on one streamed response. By default each event type gets one
 * {@code stream.emit {type}} span, opened at its first event and closed with the stream,
 * carrying the count; with per-event spans on, each event gets a span of its own.
 * <p>
 * The stream of an {@code @AgentEndpoint} run is recorded without code: its server-sent
 * events are counted as the response writes them (see {@link EventStreamResponse}), and
 * it ends with the run. Code that records its own events takes the run's stream over
 * ({@link #recordedByApplication()}), so that nothing is counted twice.
 * <p>
 * The stream ends with {@link #complete()}, {@link #fail(Throwable)} or {@link #close()}
 * (so a try-with-resources block ends it), or with the emitter it is
 * {@linkplain #bindTo(ResponseBodyEmitter) bound to}: when the emitter completes, fails
 * or times out. An event recorded after the end opens nothing.
 *
 * @author FastAgentic
 */
public final class AgentStream implements AutoCloseable {

	private static final StreamEmitObservationConvention DEFAULT_CONVENTION = new DefaultStreamEmitObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable StreamEmitObservationConvention convention;

	private final @Nullable Observation parent;

	private final @Nullable String runId;

	private final boolean spanPerEvent;

	private final Map<String, Observation> byType = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	private boolean ended;

	private volatile boolean recordedByApplication;

	private AgentStream(ObservationRegistry registry, @Nullable StreamEmitObservationConvention convention,
			@Nullable String runId, boolean spanPerEvent) {
		this.registry = registry;
		this.convention = convention;
		this.parent = registry.getCurrentObservation();
		this.runId = runId;
		this.spanPerEvent = spanPerEvent;
	}

	/**
	 * Start tracking a stream; its spans are children of the current observation.
	 * @param registry where observations are made
	 * @param convention a convention replacing the default, or {@code null}
	 * @param runId the agent run the stream belongs to, if any
	 * @param spanPerEvent whether every event gets its own span
	 * @return the stream
	 */
	public static AgentStream start(ObservationRegistry registry, @Nullable StreamEmitObservationConvention convention,
			@Nullable String runId, boolean spanPerEvent) {
		return new AgentStream(registry, convention, runId, spanPerEvent);
	}

	/**
	 * End the stream when the emitter that sends its events ends: normally, with an
	 * error, or when Spring MVC's async request timeout expires.
	 * @param emitter the emitter of the response
	 * @return this stream
	 */
	public AgentStream bindTo(ResponseBodyEmitter emitter) {
		emitter.onCompletion(this::complete);
		emitter.onError(this::fail);
		emitter.onTimeout(() -> fail(new TimeoutException(
				"The response stream did not complete within the async request timeout (spring.mvc.async.request-timeout)")));
		return this;
	}

	/**
	 * Record one event sent.
	 * @param eventType its type, for example {@code token}
	 */
	public void emitted(String eventType) {
		// Under the lock that end() takes: an event racing the end either lands in a span
		// that end() then stops, or sees the end and opens nothing.
		synchronized (this.lock) {
			if (this.ended) {
				return;
			}
			if (this.spanPerEvent) {
				Observation event = observation(eventType).start();
				((StreamEmitObservationContext) event.getContext()).increment();
				event.stop();
				return;
			}
			Observation summary = this.byType.computeIfAbsent(eventType, (type) -> observation(type).start());
			((StreamEmitObservationContext) summary.getContext()).increment();
		}
	}

	/**
	 * Record one event seen on the response (see {@link EventStreamResponse}), unless the
	 * application records this stream's events itself.
	 * @param eventType its type
	 */
	void observed(String eventType) {
		if (!this.recordedByApplication) {
			emitted(eventType);
		}
	}

	/**
	 * From now on the application's code records this stream's events with
	 * {@link #emitted(String)}; the events seen on the response are no longer counted, so
	 * that no event is counted twice.
	 * @return this stream
	 */
	public AgentStream recordedByApplication() {
		this.recordedByApplication = true;
		return this;
	}

	/**
	 * The stream ended normally: close its spans.
	 */
	public void complete() {
		end(null);
	}

	/**
	 * The stream ended, if nothing ended it before: close its spans.
	 */
	@Override
	public void close() {
		end(null);
	}

	/**
	 * The stream failed: mark its spans as errors and close them. A client that hung up
	 * is not a failure of the stream: its spans are closed as they are.
	 * @param failure what went wrong
	 */
	public void fail(Throwable failure) {
		end(ClientOutcomes.isClientAbort(failure) ? null : failure);
	}

	private void end(@Nullable Throwable failure) {
		synchronized (this.lock) {
			if (this.ended) {
				return;
			}
			this.ended = true;
		}
		for (Observation observation : this.byType.values()) {
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		}
	}

	private Observation observation(String eventType) {
		StreamEmitObservationContext context = new StreamEmitObservationContext(eventType, this.runId);
		return StreamEmitObservationDocumentation.STREAM_EMIT
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(this.parent);
	}

}
