package io.fastagentic.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * {@link AgentTracer} on Micrometer Tracing, and so on the one OpenTelemetry SDK that
 * Spring Boot configures.
 *
 * @author FastAgentic
 */
public final class MicrometerAgentTracer implements AgentTracer {

	private final Tracer tracer;

	/**
	 * Create a tracer facade.
	 * @param tracer Micrometer's tracer ({@link Tracer#NOOP} when tracing is off)
	 */
	public MicrometerAgentTracer(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public AgentSpan startSpan(String name) {
		Span span = this.tracer.nextSpan().name(name).start();
		return new MicrometerAgentSpan(span, this.tracer.withSpan(span));
	}

	@Override
	public @Nullable String currentRunId() {
		return AgentCorrelation.currentRunId();
	}

	@Override
	public @Nullable String currentUserId() {
		return AgentCorrelation.currentUserId();
	}

	private static final class MicrometerAgentSpan implements AgentSpan {

		private final Span span;

		private final Tracer.SpanInScope scope;

		MicrometerAgentSpan(Span span, Tracer.SpanInScope scope) {
			this.span = span;
			this.scope = scope;
		}

		@Override
		public AgentSpan setAttribute(String key, String value) {
			this.span.tag(key, value);
			return this;
		}

		@Override
		public AgentSpan setAttribute(String key, long value) {
			this.span.tag(key, value);
			return this;
		}

		@Override
		public AgentSpan setAttribute(String key, double value) {
			this.span.tag(key, value);
			return this;
		}

		@Override
		public AgentSpan setAttribute(String key, boolean value) {
			this.span.tag(key, value);
			return this;
		}

		@Override
		public AgentSpan recordException(Throwable failure) {
			this.span.error(failure);
			return this;
		}

		@Override
		public void close() {
			this.scope.close();
			this.span.end();
		}

	}

}
