package io.fastagentic.autoconfigure.otel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the exporters receive, and how the OTLP exporter behaves when the collector fails.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.export")
public class FastAgenticExportProperties {

	/**
	 * Whether to silence the OTLP exporter's own log (its java.util.logging loggers log
	 * an error with a stack trace for every failed batch); FastAgentic logs one warning
	 * when an outage starts, a summary every minute while it lasts, and one line when
	 * exports succeed again.
	 */
	private boolean quietExporterLog = true;

	/**
	 * Longest attribute value exported, in characters: longer values of spans, span
	 * events (an exception's stack trace) and links are cut before they reach the
	 * collector or the trace viewer. Keep it above fastagentic.llm.content-max-length.
	 */
	private int maxAttributeValueLength = 4096;

	private final Retry retry = new Retry();

	public boolean isQuietExporterLog() {
		return this.quietExporterLog;
	}

	public void setQuietExporterLog(boolean quietExporterLog) {
		this.quietExporterLog = quietExporterLog;
	}

	public int getMaxAttributeValueLength() {
		return this.maxAttributeValueLength;
	}

	public void setMaxAttributeValueLength(int maxAttributeValueLength) {
		this.maxAttributeValueLength = maxAttributeValueLength;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Retry of a failed export call, inside the call. The backoff bounds how long a
	 * collector that came back waits before it is used, while spans keep filling the
	 * export queue.
	 */
	public static class Retry {

		/**
		 * Attempts per export call, the first included.
		 */
		private int maxAttempts = 5;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(250);

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(1);

		/**
		 * Factor applied to the wait after each attempt.
		 */
		private double backoffMultiplier = 1.5;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getBackoffMultiplier() {
			return this.backoffMultiplier;
		}

		public void setBackoffMultiplier(double backoffMultiplier) {
			this.backoffMultiplier = backoffMultiplier;
		}

	}

}
