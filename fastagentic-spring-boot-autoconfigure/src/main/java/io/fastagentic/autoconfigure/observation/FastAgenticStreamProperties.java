package io.fastagentic.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of streamed-response observations.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.stream")
public class FastAgenticStreamProperties {

	/**
	 * Whether every streamed event gets its own stream.emit span, instead of one span per
	 * event type and stream carrying the count.
	 */
	private boolean spanPerEvent;

	public boolean isSpanPerEvent() {
		return this.spanPerEvent;
	}

	public void setSpanPerEvent(boolean spanPerEvent) {
		this.spanPerEvent = spanPerEvent;
	}

}
