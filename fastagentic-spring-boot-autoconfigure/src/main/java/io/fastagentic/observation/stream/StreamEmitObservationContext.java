package io.fastagentic.observation.stream;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of a {@code stream.emit} observation: the events of one type on one stream.
 *
 * @author FastAgentic
 */
public class StreamEmitObservationContext extends Observation.Context {

	private final String eventType;

	private final @Nullable String runId;

	private final AtomicLong count = new AtomicLong();

	/**
	 * Create a context.
	 * @param eventType the type of the events
	 * @param runId the agent run, if any
	 */
	public StreamEmitObservationContext(String eventType, @Nullable String runId) {
		this.eventType = eventType;
		this.runId = runId;
	}

	public String getEventType() {
		return this.eventType;
	}

	public @Nullable String getRunId() {
		return this.runId;
	}

	/**
	 * How many events of this type were sent so far.
	 * @return the count
	 */
	public long getCount() {
		return this.count.get();
	}

	/**
	 * Count one more event.
	 */
	void increment() {
		this.count.incrementAndGet();
	}

}
