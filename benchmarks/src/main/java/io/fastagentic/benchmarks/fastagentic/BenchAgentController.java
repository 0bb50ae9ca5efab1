package io.fastagentic.benchmarks.fastagentic;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.benchmarks.support.Workload;
import io.fastagentic.observation.AgentObservations;

import org.springframework.web.bind.annotation.RestController;

/**
 * An agent endpoint as an application writes it with FastAgentic: the
 * {@code @AgentEndpoint} aspect makes {@code agent.run}, {@link AgentObservations} the
 * spans of the work. The work itself is nothing, so only the instrumentation is measured.
 */
@RestController
public class BenchAgentController {

	private final FastAgenticWork work;

	/**
	 * Create the controller.
	 * @param observations FastAgentic's observations
	 */
	public BenchAgentController(AgentObservations observations) {
		this.work = new FastAgenticWork(observations);
	}

	/**
	 * The work of the agent run, for the spans alone.
	 * @return the work
	 */
	public FastAgenticWork work() {
		return this.work;
	}

	/**
	 * The agent run of a whole request: a tool call, a checkpoint write, an LLM call with
	 * usage, and one streamed event type.
	 * @return the answer
	 */
	@AgentEndpoint(path = Workload.ROUTE, adapter = Workload.ADAPTER, model = Workload.MODEL)
	public String chat() {
		String results = this.work.tool();
		this.work.checkpoint();
		String answer = this.work.llm();
		this.work.stream();
		return (results.length() > answer.length()) ? results : answer;
	}

	/**
	 * An agent run that does nothing, for {@code agent.run} alone.
	 * @return a constant
	 */
	@AgentEndpoint(path = "/chat/empty", name = Workload.ROUTE, adapter = Workload.ADAPTER, model = Workload.MODEL)
	public String emptyRun() {
		return Workload.ANSWER;
	}

}
