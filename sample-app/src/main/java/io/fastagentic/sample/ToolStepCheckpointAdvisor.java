package io.fastagentic.sample;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.util.Assert;

/**
 * Checkpoints an agent run after each tool step. Ordered after Spring AI's
 * {@link ToolCallingAdvisor}, it sits inside the tool-calling loop and sees every request
 * to the model: one that ends with tool results follows a completed tool step, whose
 * results are saved, one checkpoint per tool call under the tool's name, before the model
 * is asked again. The run and its session are the request's {@link #RUN_ID} and
 * {@link #SESSION_ID} advisor parameters.
 */
final class ToolStepCheckpointAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Advisor parameter naming the run to checkpoint.
	 */
	static final String RUN_ID = "sample.run_id";

	/**
	 * Advisor parameter naming the run's chat session, if it has one.
	 */
	static final String SESSION_ID = "sample.session_id";

	private final CheckpointRepository checkpoints;

	ToolStepCheckpointAdvisor(CheckpointRepository checkpoints) {
		this.checkpoints = checkpoints;
	}

	@Override
	public String getName() {
		return "Tool step checkpoint";
	}

	@Override
	public int getOrder() {
		return ToolCallingAdvisor.DEFAULT_ORDER + 100;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		checkpointToolResults(request);
		return chain.nextCall(request);
	}

	/**
	 * The checkpoint is written in {@code handle}, which Reactor runs with the context's
	 * observation restored: on whichever thread the tool step ended, the write joins the
	 * run's trace.
	 */
	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Mono.just(request).<ChatClientRequest>handle((toCheckpoint, sink) -> {
			checkpointToolResults(toCheckpoint);
			sink.next(toCheckpoint);
		}).flatMapMany(chain::nextStream);
	}

	private void checkpointToolResults(ChatClientRequest request) {
		Message last = request.prompt().getLastUserOrToolResponseMessage();
		if (!(last instanceof ToolResponseMessage toolResults)) {
			return;
		}
		String runId = (String) request.context().get(RUN_ID);
		Assert.state(runId != null, "The request names no run to checkpoint: set the " + RUN_ID + " advisor parameter");
		@Nullable String sessionId = (String) request.context().get(SESSION_ID);
		for (ToolResponseMessage.ToolResponse result : toolResults.getResponses()) {
			this.checkpoints.save(runId, sessionId, result.name(), result.responseData());
		}
	}

}
