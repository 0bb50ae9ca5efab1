package io.fastagentic.observation;

/**
 * Work observed by {@link AgentObservations}, which may throw a checked exception of its
 * own; the exception reaches the caller unchanged.
 *
 * @param <T> the result type
 * @param <E> the exception the work may throw
 * @author FastAgentic
 */
@FunctionalInterface
public interface ObservedCallable<T, E extends Throwable> {

	/**
	 * Do the work.
	 * @return the result
	 * @throws E when the work fails
	 */
	T call() throws E;

}
