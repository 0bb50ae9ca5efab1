package io.fastagentic.observation.llm;

/**
 * One LLM call, given the {@link LlmCall} to report its usage on.
 *
 * @param <T> the response type
 * @param <E> the exception the call may throw
 * @author FastAgentic
 */
@FunctionalInterface
public interface LlmCallback<T, E extends Throwable> {

	/**
	 * Make the call.
	 * @param call report usage, response model and content here
	 * @return the provider's response
	 * @throws E when the call fails
	 */
	T call(LlmCall call) throws E;

}
