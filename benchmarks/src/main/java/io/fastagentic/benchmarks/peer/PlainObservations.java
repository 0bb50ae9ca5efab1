package io.fastagentic.benchmarks.peer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.fastagentic.benchmarks.support.Workload;
import io.fastagentic.observation.ObservedCallable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The spans of an agent request made with nothing but Micrometer's
 * {@code Observation.createNotStarted(name, registry)} on Spring Boot's registry: the
 * same names, contextual names and key values as FastAgentic's, written as an application
 * without FastAgentic would write them.
 */
public final class PlainObservations {

	// USD per million tokens of gpt-4o-mini, as in FastAgentic's default pricing.
	private static final BigDecimal INPUT_PRICE = new BigDecimal("0.15");

	private static final BigDecimal OUTPUT_PRICE = new BigDecimal("0.60");

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final ObservationRegistry registry;

	/**
	 * Create the observations.
	 * @param registry Spring Boot's registry
	 */
	public PlainObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * A run id, made as FastAgentic makes it (a random UUID from
	 * {@link ThreadLocalRandom}), so that the comparison is about tracing only.
	 * @return the run id
	 */
	public static String runId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return "run-" + new UUID(mostSignificant, leastSignificant);
	}

	/**
	 * {@code auth.validate}.
	 * @return the user id
	 */
	public String authValidate() {
		Observation observation = Observation.createNotStarted("auth.validate", this.registry);
		return observation.observe(() -> {
			String userId = "anonymous";
			observation.lowCardinalityKeyValue("auth.method", "none")
				.lowCardinalityKeyValue("auth.result", "anonymous")
				.highCardinalityKeyValue("user_id", userId);
			return userId;
		});
	}

	/**
	 * {@code policy.check}.
	 * @return whether the request may go on
	 */
	public boolean policyCheck() {
		Observation observation = Observation.createNotStarted("policy.check", this.registry);
		Boolean allowed = observation.observe(() -> {
			observation.lowCardinalityKeyValue("policy.decision", "allow")
				.lowCardinalityKeyValue("policy.name", "allow-all")
				.highCardinalityKeyValue("policy.reason", "no policy restricts agent endpoints");
			return Boolean.TRUE;
		});
		return Boolean.TRUE.equals(allowed);
	}

	/**
	 * {@code agent.run /chat} around some work.
	 * @param <T> the result type
	 * @param runId the run id
	 * @param userId the user id
	 * @param work the run's work
	 * @return the work's result
	 */
	public <T> T agentRun(String runId, String userId, Supplier<T> work) {
		return Observation.createNotStarted("agent.run", this.registry)
			.contextualName("agent.run " + Workload.ROUTE)
			.lowCardinalityKeyValue("adapter", Workload.ADAPTER)
			.lowCardinalityKeyValue("endpoint", Workload.ROUTE)
			.lowCardinalityKeyValue("gen_ai.agent.name", Workload.ROUTE)
			.lowCardinalityKeyValue("gen_ai.operation.name", "invoke_agent")
			.lowCardinalityKeyValue("model", Workload.MODEL)
			.highCardinalityKeyValue("run_id", runId)
			.highCardinalityKeyValue("user_id", userId)
			.observe(work);
	}

	/**
	 * The work of an agent run.
	 * @param runId the run id
	 * @return the answer
	 */
	public String work(String runId) {
		String results = tool();
		checkpoint();
		String answer = llm();
		stream(runId);
		return (results.length() > answer.length()) ? results : answer;
	}

	/**
	 * {@code tool.call search}.
	 * @return the tool's result
	 */
	public String tool() {
		return tool(Workload.TOOL, () -> Workload.QUERY);
	}

	/**
	 * {@code tool.call} around a tool's work.
	 * @param <T> the result type
	 * @param <E> what the work may throw
	 * @param name the tool's name
	 * @param tool the tool's work
	 * @return the tool's result
	 * @throws E whatever the work throws
	 */
	public <T, E extends Throwable> T tool(String name, ObservedCallable<T, E> tool) throws E {
		Observation observation = Observation.createNotStarted("tool.call", this.registry)
			.contextualName("tool.call " + name)
			.lowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
			.lowCardinalityKeyValue("gen_ai.tool.name", name)
			.lowCardinalityKeyValue("tool", name)
			.start();
		long start = System.nanoTime();
		try (Observation.Scope scope = observation.openScope()) {
			return tool.call();
		}
		catch (Throwable ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.highCardinalityKeyValue("duration_ms", Long.toString((System.nanoTime() - start) / 1_000_000));
			observation.stop();
		}
	}

	/**
	 * {@code checkpoint.write}.
	 */
	public void checkpoint() {
		Observation.createNotStarted("checkpoint.write", this.registry)
			.lowCardinalityKeyValue("backend", Workload.BACKEND)
			.highCardinalityKeyValue("size", Long.toString(Workload.CHECKPOINT_SIZE))
			.observe(() -> {
			});
	}

	/**
	 * {@code llm.call gpt-4o-mini}, with usage and cost.
	 * @return the answer
	 */
	public String llm() {
		Observation observation = Observation.createNotStarted("llm.call", this.registry)
			.contextualName("llm.call " + Workload.MODEL)
			.lowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.lowCardinalityKeyValue("gen_ai.provider.name", Workload.PROVIDER)
			.lowCardinalityKeyValue("gen_ai.request.model", Workload.MODEL)
			.lowCardinalityKeyValue("model", Workload.MODEL)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			long prompt = Workload.PROMPT_TOKENS;
			long completion = Workload.COMPLETION_TOKENS;
			BigDecimal cost = INPUT_PRICE.multiply(BigDecimal.valueOf(prompt))
				.add(OUTPUT_PRICE.multiply(BigDecimal.valueOf(completion)))
				.divide(MILLION, 12, RoundingMode.HALF_UP)
				.stripTrailingZeros();
			observation.lowCardinalityKeyValue("gen_ai.response.model", Workload.RESPONSE_MODEL)
				.highCardinalityKeyValue("tokens.prompt", Long.toString(prompt))
				.highCardinalityKeyValue("tokens.completion", Long.toString(completion))
				.highCardinalityKeyValue("gen_ai.usage.input_tokens", Long.toString(prompt))
				.highCardinalityKeyValue("gen_ai.usage.output_tokens", Long.toString(completion))
				.highCardinalityKeyValue("cost", cost.toPlainString());
			return Workload.ANSWER;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * {@code stream.emit token}, one event.
	 * @param runId the run id, {@code null} outside a run
	 */
	public void stream(@Nullable String runId) {
		Observation observation = Observation.createNotStarted("stream.emit", this.registry)
			.contextualName("stream.emit " + Workload.EVENT_TYPE)
			.lowCardinalityKeyValue("event_type", Workload.EVENT_TYPE);
		if (runId != null) {
			observation.highCardinalityKeyValue("run_id", runId);
		}
		observation.start();
		long count = 1;
		observation.highCardinalityKeyValue("count", Long.toString(count));
		observation.stop();
	}

}
