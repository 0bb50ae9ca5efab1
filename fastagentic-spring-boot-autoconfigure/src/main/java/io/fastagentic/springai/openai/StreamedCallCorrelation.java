package io.fastagentic.springai.openai;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Finds the chat observation a streamed OpenAI request belongs to. The OpenAI SDK sends a
 * streamed request from a {@code CompletableFuture} pool thread that carries no context,
 * so the request itself carries a one-call id, in a header that never leaves the process:
 * it is set on the prompt's options before the chat model builds the request, mapped to
 * the chat observation while that runs, and removed from the request before it is sent.
 *
 * @author FastAgentic
 */
public final class StreamedCallCorrelation {

	/**
	 * The header carrying the id inside the process.
	 */
	static final String HEADER = "X-FastAgentic-Call";

	private final Map<String, Observation.ContextView> calls = new ConcurrentHashMap<>();

	/**
	 * The options of one model call, with a fresh id.
	 * @param options the options the call would use
	 * @return a copy carrying the id
	 */
	static OpenAiChatOptions withFreshId(OpenAiChatOptions options) {
		Map<String, String> headers = new HashMap<>();
		if (options.getCustomHeaders() != null) {
			headers.putAll(options.getCustomHeaders());
		}
		headers.put(HEADER, UUID.randomUUID().toString());
		return options.mutate().customHeaders(headers).build();
	}

	/**
	 * The id that options carry.
	 * @param options the options of a call
	 * @return the id, or {@code null}
	 */
	static @Nullable String idOf(@Nullable ChatOptions options) {
		if (options instanceof OpenAiChatOptions openAi && openAi.getCustomHeaders() != null) {
			return openAi.getCustomHeaders().get(HEADER);
		}
		return null;
	}

	void started(String id, Observation.ContextView chat) {
		this.calls.put(id, chat);
	}

	void stopped(String id, Observation.ContextView chat) {
		this.calls.remove(id, chat);
	}

	Observation.@Nullable ContextView chatOf(String id) {
		return this.calls.get(id);
	}

}
