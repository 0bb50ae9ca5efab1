package io.fastagentic.observation.agent;

import java.math.BigDecimal;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.stream.AgentStream;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

/**
 * Context of an {@code agent.run} observation. It also sums the LLM calls made during the
 * run, so that the run carries its tokens and cost and, when the endpoint does not name
 * them, the framework and model it used.
 *
 * @author FastAgentic
 */
public class AgentRunObservationContext extends Observation.Context {

	private final AgentEndpointInfo endpoint;

	private final String runId;

	private final String userId;

	private int llmCalls;

	private long promptTokens;

	private long completionTokens;

	private @Nullable BigDecimal cost;

	private @Nullable String observedAdapter;

	private @Nullable String observedModel;

	private volatile boolean clientAborted;

	private volatile @Nullable AgentStream stream;

	/**
	 * Create a context.
	 * @param endpoint the endpoint called
	 * @param runId the id of this run
	 * @param userId the authenticated user, or {@code anonymous}
	 */
	public AgentRunObservationContext(AgentEndpointInfo endpoint, String runId, String userId) {
		this.endpoint = endpoint;
		this.runId = runId;
		this.userId = userId;
	}

	/**
	 * The endpoint called.
	 * @return the endpoint
	 */
	public AgentEndpointInfo getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The id of this run.
	 * @return the run id
	 */
	public String getRunId() {
		return this.runId;
	}

	/**
	 * The authenticated user.
	 * @return the user id, or {@code anonymous}
	 */
	public String getUserId() {
		return this.userId;
	}

	/**
	 * Whether the client hung up before the run's answer was sent: the run's own outcome,
	 * not an error.
	 * @return {@code true} when the client went away
	 */
	public boolean isClientAborted() {
		return this.clientAborted;
	}

	public void setClientAborted(boolean clientAborted) {
		this.clientAborted = clientAborted;
	}

	/**
	 * The stream of the run's response, when the response is watched for server-sent
	 * events.
	 * @return the stream, or {@code null}
	 */
	public @Nullable AgentStream getStream() {
		return this.stream;
	}

	void setStream(AgentStream stream) {
		this.stream = stream;
	}

	/**
	 * The run an observation belongs to: itself, or its nearest {@code agent.run}
	 * ancestor.
	 * @param observation the observation, or {@code null}
	 * @return the run's context, or {@code null} outside any run
	 */
	public static @Nullable AgentRunObservationContext enclosing(@Nullable ObservationView observation) {
		ObservationView current = observation;
		while (current != null) {
			Observation.ContextView view = current.getContextView();
			if (view instanceof AgentRunObservationContext run) {
				return run;
			}
			current = view.getParentObservation();
		}
		return null;
	}

	/**
	 * Add an LLM call that ended during the run to its totals. Calls may end on any
	 * thread.
	 * @param call the call
	 */
	public synchronized void addLlmCall(LlmCallDetails call) {
		this.llmCalls++;
		Long prompt = call.getPromptTokens();
		Long completion = call.getCompletionTokens();
		if (prompt != null && completion != null) {
			this.promptTokens += prompt;
			this.completionTokens += completion;
		}
		BigDecimal callCost = call.getCost();
		if (callCost != null) {
			this.cost = (this.cost != null) ? this.cost.add(callCost) : callCost;
		}
		if (this.observedAdapter == null) {
			this.observedAdapter = call.getAdapter();
		}
		if (this.observedModel == null) {
			this.observedModel = call.getRequestModel();
		}
	}

	/**
	 * The totals of the LLM calls that ended so far.
	 * @return the totals
	 */
	public synchronized LlmTotals getLlmTotals() {
		return new LlmTotals(this.llmCalls, this.promptTokens, this.completionTokens, this.cost);
	}

	/**
	 * The framework behind the run: the endpoint's {@code adapter}, else the framework of
	 * its first LLM call.
	 * @return the adapter, or {@code none}
	 */
	public synchronized String getAdapter() {
		return orObserved(this.endpoint.adapter(), this.observedAdapter);
	}

	/**
	 * The model behind the run: the endpoint's {@code model}, else the model of its first
	 * LLM call.
	 * @return the model, or {@code none}
	 */
	public synchronized String getModel() {
		return orObserved(this.endpoint.model(), this.observedModel);
	}

	private static String orObserved(String declared, @Nullable String observed) {
		return (AgentEndpointInfo.NONE.equals(declared) && observed != null) ? observed : declared;
	}

	/**
	 * The sums over the LLM calls of a run.
	 *
	 * @param llmCalls how many calls ended
	 * @param promptTokens their input tokens
	 * @param completionTokens their output tokens
	 * @param cost their cost in USD, or {@code null} when none was priced
	 */
	public record LlmTotals(int llmCalls, long promptTokens, long completionTokens, @Nullable BigDecimal cost) {

	}

}
