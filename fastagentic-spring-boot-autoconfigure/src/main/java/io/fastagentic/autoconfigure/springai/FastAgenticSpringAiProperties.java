package io.fastagentic.autoconfigure.springai;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Spring AI adapter.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.spring-ai")
public class FastAgenticSpringAiProperties {

	/**
	 * Whether Spring AI's chat client and advisor observations keep their spans
	 * ("spring_ai chat_client", "call", "tool _calling", ...) between agent.run and the
	 * LLM and tool calls. Their timers are recorded either way.
	 */
	private boolean chatClientSpans;

	public boolean isChatClientSpans() {
		return this.chatClientSpans;
	}

	public void setChatClientSpans(boolean chatClientSpans) {
		this.chatClientSpans = chatClientSpans;
	}

}
