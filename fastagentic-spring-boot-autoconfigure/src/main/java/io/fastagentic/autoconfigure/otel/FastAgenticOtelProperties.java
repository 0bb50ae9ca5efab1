package io.fastagentic.autoconfigure.otel;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * FastAgentic tracing settings read by its beans. Each property is also set by the
 * environment variable named in its description; an environment variable beats
 * {@code application.yml}, and these settings beat the standard {@code OTEL_*} variables.
 * The settings that drive Spring Boot's own OpenTelemetry properties (the endpoint,
 * headers, protocol, service name and version, sample rate and the master switch) are no
 * fields here: {@link TracingEnvironmentListener} reads, validates and hands them to Boot
 * once, when the environment is prepared, before any bean exists ({@link TracingSetting}
 * describes them).
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.otel")
public class FastAgenticOtelProperties {

	/**
	 * Whether to keep every trace whose request failed, whatever the sample rate
	 * (FASTAGENTIC_OTEL_SAMPLE_ERRORS).
	 */
	private boolean sampleErrors;

	/**
	 * Keep every trace slower than this, whatever the sample rate; a bare number is
	 * milliseconds (FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD). Unset: no slow rule.
	 */
	@DurationUnit(ChronoUnit.MILLIS)
	private @Nullable Duration sampleSlowThreshold;

	/**
	 * Propagation formats written on outgoing requests: tracecontext, baggage, b3,
	 * b3multi, jaeger or none (FASTAGENTIC_OTEL_PROPAGATORS). Unset: OTEL_PROPAGATORS,
	 * else tracecontext,baggage. All of W3C, B3 and Jaeger are accepted on the way in.
	 */
	private @Nullable List<String> propagators;

	private final Propagation propagation = new Propagation();

	private final Sampling sampling = new Sampling();

	public boolean isSampleErrors() {
		return this.sampleErrors;
	}

	public void setSampleErrors(boolean sampleErrors) {
		this.sampleErrors = sampleErrors;
	}

	public @Nullable Duration getSampleSlowThreshold() {
		return this.sampleSlowThreshold;
	}

	public void setSampleSlowThreshold(@Nullable Duration sampleSlowThreshold) {
		this.sampleSlowThreshold = sampleSlowThreshold;
	}

	public @Nullable List<String> getPropagators() {
		return this.propagators;
	}

	public void setPropagators(@Nullable List<String> propagators) {
		this.propagators = propagators;
	}

	public Propagation getPropagation() {
		return this.propagation;
	}

	public Sampling getSampling() {
		return this.sampling;
	}

	/**
	 * Trace context propagation settings.
	 */
	public static class Propagation {

		/**
		 * Whether an incoming trace context becomes the parent of the request's span. Off
		 * at an untrusted edge: every request starts a new trace, linked to the incoming
		 * context, and incoming baggage is dropped.
		 */
		private boolean trustIncoming = true;

		/**
		 * Hosts that may receive baggage (run_id, user_id, ...) on outgoing requests:
		 * host names or *.suffix wildcards. Empty: no host gets baggage, only the trace
		 * context.
		 */
		private List<String> baggageAllowedHosts = new ArrayList<>();

		/**
		 * Whether SQL statements carry their trace context to the database as a
		 * sqlcommenter comment. A unique comment per statement defeats server-side
		 * statement caches; spans are kept either way.
		 */
		private boolean jdbcComment = true;

		public boolean isTrustIncoming() {
			return this.trustIncoming;
		}

		public void setTrustIncoming(boolean trustIncoming) {
			this.trustIncoming = trustIncoming;
		}

		public List<String> getBaggageAllowedHosts() {
			return this.baggageAllowedHosts;
		}

		public void setBaggageAllowedHosts(List<String> baggageAllowedHosts) {
			this.baggageAllowedHosts = baggageAllowedHosts;
		}

		public boolean isJdbcComment() {
			return this.jdbcComment;
		}

		public void setJdbcComment(boolean jdbcComment) {
			this.jdbcComment = jdbcComment;
		}

	}

	/**
	 * Buffer of the error and slow sampling rules (used only when one of them is on).
	 */
	public static class Sampling {

		/**
		 * Most traces buffered at once while they wait for their root span to end.
		 */
		private int maxBufferedTraces = 1000;

		/**
		 * Most spans buffered at once.
		 */
		private int maxBufferedSpans = 20000;

		/**
		 * How long a buffered trace may wait for its root span before it is evicted.
		 */
		private Duration bufferTimeout = Duration.ofMinutes(5);

		public int getMaxBufferedTraces() {
			return this.maxBufferedTraces;
		}

		public void setMaxBufferedTraces(int maxBufferedTraces) {
			this.maxBufferedTraces = maxBufferedTraces;
		}

		public int getMaxBufferedSpans() {
			return this.maxBufferedSpans;
		}

		public void setMaxBufferedSpans(int maxBufferedSpans) {
			this.maxBufferedSpans = maxBufferedSpans;
		}

		public Duration getBufferTimeout() {
			return this.bufferTimeout;
		}

		public void setBufferTimeout(Duration bufferTimeout) {
			this.bufferTimeout = bufferTimeout;
		}

	}

}
