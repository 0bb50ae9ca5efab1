package io.fastagentic.langchain4j;

import io.fastagentic.observation.llm.LlmCall;
import org.jspecify.annotations.Nullable;

/**
 * Hands the {@code llm.call} that a model's listener started to the same model's HTTP
 * client, so that the provider request becomes its child. Both run on the caller's
 * thread, one right after the other: the listener before the model sends its request, the
 * client when it sends it. No scope is opened for the call itself, since a streaming
 * model answers on another thread where that scope could not be closed.
 *
 * @author FastAgentic
 */
final class LlmCallHandoff {

	private final ThreadLocal<LlmCall> pending = new ThreadLocal<>();

	/**
	 * The listener started a call whose request is about to be sent on this thread.
	 */
	void offer(LlmCall call) {
		this.pending.set(call);
	}

	/**
	 * The call of a blocking request; it stays offered for the model's retries.
	 */
	@Nullable LlmCall peek() {
		return this.pending.get();
	}

	/**
	 * The call of a streaming request, sent once.
	 */
	@Nullable LlmCall take() {
		LlmCall call = this.pending.get();
		this.pending.remove();
		return call;
	}

	/**
	 * The call of this thread ended, or was never sent.
	 */
	void clear() {
		this.pending.remove();
	}

}
