package io.fastagentic.autoconfigure.viewer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the local trace viewer.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.viewer")
public class FastAgenticViewerProperties {

	/**
	 * Whether to keep the recent traces in memory and serve them on the 'traces' actuator
	 * endpoint (which must also be exposed), with a page at /actuator/traces/ui that
	 * shows the runs with their tokens, cost, waterfall and conversation.
	 */
	private boolean enabled;

	/**
	 * Maximum number of traces kept; the trace that received a span least recently is
	 * evicted first.
	 */
	private int maxTraces = 200;

	/**
	 * Maximum number of spans kept per trace; later spans of a larger trace are counted
	 * but not kept.
	 */
	private int maxSpansPerTrace = 1000;

	/**
	 * Maximum number of spans kept in all, across traces: the traces that received a span
	 * least recently are evicted first to stay within it. Bounds the viewer's memory.
	 */
	private int maxSpans = 10_000;

	/**
	 * Base URL of a Jaeger UI that receives the same traces, for example
	 * 'http://localhost:16686'. When set, each trace links to it.
	 */
	private @Nullable String jaegerUrl;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxTraces() {
		return this.maxTraces;
	}

	public void setMaxTraces(int maxTraces) {
		this.maxTraces = maxTraces;
	}

	public int getMaxSpansPerTrace() {
		return this.maxSpansPerTrace;
	}

	public void setMaxSpansPerTrace(int maxSpansPerTrace) {
		this.maxSpansPerTrace = maxSpansPerTrace;
	}

	public int getMaxSpans() {
		return this.maxSpans;
	}

	public void setMaxSpans(int maxSpans) {
		this.maxSpans = maxSpans;
	}

	public @Nullable String getJaegerUrl() {
		return this.jaegerUrl;
	}

	public void setJaegerUrl(@Nullable String jaegerUrl) {
		this.jaegerUrl = jaegerUrl;
	}

}
