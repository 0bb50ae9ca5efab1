package io.fastagentic.observation.handler;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.sampling.DeferredSpanAttributes;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * Makes the spans of agent work, from FastAgentic's observations and from the frameworks'
 * (see {@link ObservationAdapter}), next to Micrometer's own tracing handlers:
 * <ul>
 * <li>an LLM call is a CLIENT span, whatever context the framework used;</li>
 * <li>a tool call carries {@code duration_ms}, taken from the same clock readings as the
 * span's start and end, so both durations are one value;</li>
 * <li>numeric, boolean and list keys are exported with their types;</li>
 * <li>an agent run's span carries its {@code run_id} ({@link AgentCorrelation}) into
 * every scope it opens;</li>
 * <li>an observation that only wraps agent work (a framework's client or advisor layer)
 * gets no span: its children hang from its parent's span.</li>
 * </ul>
 * Spring Boot puts tracing handlers in one first-match group in bean order; this one is
 * ordered before Micrometer's default and propagating handlers, supports only agent work,
 * and is not a {@code DefaultTracingObservationHandler}, so that Boot's stays in place
 * for every other observation.
 *
 * @author FastAgentic
 */
public class AgentTracingObservationHandler implements TracingObservationHandler<Observation.Context> {

	/**
	 * The handler's order: before Spring Boot's tracing handlers (1000 and later).
	 */
	public static final int ORDER = 500;

	private static final String DURATION_MS = "duration_ms";

	private final Tracer tracer;

	private final ObservationAdapters adapters;

	private final @Nullable DeferredSpanAttributes deferredAttributes;

	/**
	 * Create the handler.
	 * @param tracer the tracer
	 * @param adapters tells which observations are agent work
	 * @param deferredAttributes where the attributes of spans recorded for the sampling
	 * rules only wait for their trace's decision, or {@code null} without rules
	 */
	public AgentTracingObservationHandler(Tracer tracer, ObservationAdapters adapters,
			@Nullable DeferredSpanAttributes deferredAttributes) {
		this.tracer = tracer;
		this.adapters = adapters;
		this.deferredAttributes = deferredAttributes;
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.adapters.isAgentWork(context);
	}

	@Override
	public void onStart(Observation.Context context) {
		Span parent = getParentSpan(context);
		if (this.adapters.isTransparent(context)) {
			context.put(Transparent.class, Transparent.INSTANCE);
			getTracingContext(context).setSpan((parent != null) ? parent : getTracer().currentSpan());
			return;
		}
		Span.Builder builder = getTracer().spanBuilder();
		boolean fromCurrent = parent == null || isCurrent(parent);
		if (!fromCurrent) {
			builder.setParent(parent.context());
		}
		if (this.adapters.llmCall(context) != null) {
			builder.kind(Span.Kind.CLIENT);
		}
		if (this.adapters.toolCall(context) != null) {
			Timing timing = Timing.start();
			context.put(Timing.class, timing);
			builder.startTimestamp(timing.startEpochNanos(), TimeUnit.NANOSECONDS);
		}
		Span span = builder.start();
		if (context instanceof AgentRunObservationContext run && fromCurrent && span instanceof OtelSpan) {
			// The span's scopes attach the context it captured: with the run id in it,
			// the observation's scope makes the run id current (for logs, child spans
			// and baggage, on any thread the scope reopens on) without a scope of its
			// own.
			span = OtelSpan.fromOtel(OtelSpan.toOtel(span),
					AgentCorrelation.withRun(Context.current(), run.getRunId()));
		}
		getTracingContext(context).setSpan(span);
	}

	@Override
	public void onStop(Observation.Context context) {
		if (isTransparent(context)) {
			return;
		}
		Span span = getRequiredSpan(context);
		span.name(getSpanName(context));
		tagSpan(context, span);
		Timing timing = context.get(Timing.class);
		long elapsedNanos = (timing != null) ? System.nanoTime() - timing.startNanoTime() : 0;
		if (span instanceof OtelSpan) {
			// Ended through OpenTelemetry: the bridge's end() would snapshot a recording
			// span to read its status and turn UNSET into OK, a status instrumentation
			// leaves to the application.
			end(OtelSpan.toOtel(span), timing, elapsedNanos);
		}
		else if (timing != null) {
			span.tag(DURATION_MS, Math.round(elapsedNanos / 1_000_000.0));
			span.end(timing.startEpochNanos() + elapsedNanos, TimeUnit.NANOSECONDS);
		}
		else {
			endSpan(context, span);
		}
	}

	private static void end(io.opentelemetry.api.trace.Span span, @Nullable Timing timing, long elapsedNanos) {
		if (timing == null) {
			span.end();
			return;
		}
		span.setAttribute(DURATION_MS, Math.round(elapsedNanos / 1_000_000.0));
		span.end(timing.startEpochNanos() + elapsedNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void tagSpan(Observation.Context context, Span span) {
		TypedSpanAttributes.tagAll(context, span, this.deferredAttributes);
	}

	@Override
	public void onError(Observation.Context context) {
		if (!isTransparent(context)) {
			TracingObservationHandler.super.onError(context);
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		if (!isTransparent(context)) {
			TracingObservationHandler.super.onEvent(event, context);
		}
	}

	/**
	 * Whether a span is the current one, as it is when its observation's scope is open:
	 * the new span then starts from the current context, which holds the parent and the
	 * baggage, without the bridge merging the parent's baggage into it again.
	 */
	private static boolean isCurrent(Span parent) {
		if (!(parent instanceof OtelSpan)) {
			return false;
		}
		SpanContext current = io.opentelemetry.api.trace.Span.current().getSpanContext();
		SpanContext parentContext = OtelSpan.toOtel(parent).getSpanContext();
		return current.isValid() && current.getSpanId().equals(parentContext.getSpanId())
				&& current.getTraceId().equals(parentContext.getTraceId());
	}

	private static boolean isTransparent(Observation.Context context) {
		return context.get(Transparent.class) != null;
	}

	/**
	 * Marks an observation whose span is its parent's.
	 */
	private enum Transparent {

		INSTANCE

	}

	/**
	 * One start reading of two clocks: the wall clock for the span's start timestamp, the
	 * monotonic clock for its duration.
	 */
	private record Timing(long startEpochNanos, long startNanoTime) {

		static Timing start() {
			Instant now = Instant.now();
			return new Timing(now.getEpochSecond() * 1_000_000_000L + now.getNano(), System.nanoTime());
		}

	}

}
