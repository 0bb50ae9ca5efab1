package io.fastagentic.benchmarks.support;

/**
 * The instrumented work of one agent request, whole or span by span, done either by
 * FastAgentic or by its plain Spring Boot peer.
 */
public interface Instrumentation extends AutoCloseable {

	/**
	 * One whole request: {@code HTTP POST /chat} with {@code auth.validate},
	 * {@code policy.check} and {@code agent.run}, which holds {@code tool.call},
	 * {@code checkpoint.write}, {@code llm.call} and {@code stream.emit}: 8 spans.
	 * @return something for the benchmark to consume
	 * @throws Exception never in practice
	 */
	Object request() throws Exception;

	/**
	 * Do the work of one span kind alone (a root span).
	 * @param kind the span kind
	 * @return something for the benchmark to consume
	 * @throws Exception never in practice
	 */
	Object span(SpanKind kind) throws Exception;

	/**
	 * Flush the export pipeline and count what happened to the spans.
	 * @return the counts
	 */
	SpanCounts counts();

	@Override
	void close();

	/**
	 * The span kinds of an agent request.
	 */
	enum SpanKind {

		/**
		 * {@code HTTP POST /chat}, Spring's server observation filter.
		 */
		HTTP,

		/**
		 * {@code auth.validate}.
		 */
		AUTH,

		/**
		 * {@code policy.check}.
		 */
		POLICY,

		/**
		 * {@code agent.run /chat}.
		 */
		AGENT_RUN,

		/**
		 * {@code llm.call gpt-4o-mini}, with usage and cost.
		 */
		LLM,

		/**
		 * {@code tool.call search}.
		 */
		TOOL,

		/**
		 * {@code checkpoint.write}.
		 */
		CHECKPOINT,

		/**
		 * {@code stream.emit token}.
		 */
		STREAM

	}

	/**
	 * What happened to the spans of a trial.
	 *
	 * @param recorded spans the SDK recorded (sampled or record-only)
	 * @param sampled recorded spans that were sampled
	 * @param exported spans the exporter received
	 * @param dropped sampled spans that never reached it (queue full), after a flush
	 */
	record SpanCounts(long recorded, long sampled, long exported, long dropped) {
	}

}
