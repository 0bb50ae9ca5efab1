package io.fastagentic.observation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

import io.fastagentic.correlation.MicrometerAgentTracer;
import io.fastagentic.observation.llm.LlmCall;
import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.stream.AgentStream;
import io.fastagentic.observation.stream.StreamEmitObservationContext;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link AgentObservations}: the names, keys and lifecycle of the four
 * observations of agent work.
 */
class AgentObservationsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AgentObservations observations = new AgentObservations(this.registry,
			LlmPricing.of(Map.of("gpt-4", new LlmPricing.Price(new BigDecimal("30"), new BigDecimal("60"), null))),
			new MicrometerAgentTracer(Tracer.NOOP), AgentObservations.Conventions.defaults(), false);

	@Test
	void llmCallRecordsTheSeedAndGenAiKeysAndExactCost() {
		String answer = this.observations.llmCall("openai", "gpt-4", (call) -> {
			call.usage(150, 200).responseModel("gpt-4-0613");
			return "answer";
		});
		assertThat(answer).isEqualTo("answer");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("llm.call")
			.hasContextualNameEqualTo("llm.call gpt-4")
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("model", "gpt-4")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "openai")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "gpt-4")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "gpt-4-0613")
			.hasHighCardinalityKeyValue("tokens.prompt", "150")
			.hasHighCardinalityKeyValue("tokens.completion", "200")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "150")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "200")
			.hasHighCardinalityKeyValue("cost", "0.0165")
			.doesNotHaveHighCardinalityKeyValueWithKey("error.type");
	}

	@Test
	void llmCallOfAnUnpricedModelHasNoCost() {
		this.observations.llmCall("openai", "my-model", (call) -> call.usage(1, 1));
		assertThat(this.registry).hasSingleObservationThat()
			.hasHighCardinalityKeyValue("tokens.prompt", "1")
			.doesNotHaveHighCardinalityKeyValueWithKey("cost");
	}

	@Test
	void failingLlmCallIsAnErrorWithItsTypeAndRethrowsTheSameException() {
		IOException failure = new IOException("provider answered 500");
		assertThatIOException().isThrownBy(() -> this.observations.llmCall("openai", "gpt-4", (call) -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasHighCardinalityKeyValue("error.type", "java.io.IOException")
			.doesNotHaveHighCardinalityKeyValueWithKey("cost")
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void streamedCompletionReportsUsageAtTheEnd() {
		LlmCall call = this.observations.startLlmCall("openai", "gpt-4");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		call.usage(10, 20);
		call.end();
		call.end();
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasHighCardinalityKeyValue("tokens.completion", "20")
			.hasHighCardinalityKeyValue("cost", "0.0015");
	}

	@Test
	void contentIsKeptOnTheContextButNotRecordedByDefault() {
		this.observations.llmCall("openai", "gpt-4",
				(call) -> call.prompt("secret prompt").completion("secret answer"));
		assertThat(this.registry).hasSingleObservationThat()
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.prompt")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.completion");
	}

	@Test
	void toolCallRecordsToolKeys() {
		int result = this.observations.toolCall("search", new Object[] { "query" }, () -> 42);
		assertThat(result).isEqualTo(42);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("tool.call")
			.hasContextualNameEqualTo("tool.call search")
			.hasLowCardinalityKeyValue("tool", "search")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
			.hasLowCardinalityKeyValue("gen_ai.tool.name", "search");
	}

	@Test
	void failingToolIsAnErrorAndRethrowsTheSameException() {
		IllegalStateException failure = new IllegalStateException("index offline");
		try {
			this.observations.toolCall("search", null, () -> {
				throw failure;
			});
		}
		catch (IllegalStateException ex) {
			assertThat(ex).isSameAs(failure);
		}
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasHighCardinalityKeyValue("error.type", IllegalStateException.class.getName())
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void checkpointWriteRecordsBackendAndSize() {
		this.observations.checkpointWrite("jdbc", 512, () -> 1);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("checkpoint.write")
			.hasContextualNameEqualTo("checkpoint.write")
			.hasLowCardinalityKeyValue("backend", "jdbc")
			.hasHighCardinalityKeyValue("size", "512");
	}

	@Test
	void streamGetsOneSpanPerEventTypeWithItsCount() {
		Observation run = Observation.start("agent.run", this.registry);
		AgentStream stream;
		try (Observation.Scope scope = run.openScope()) {
			stream = this.observations.startStream();
		}
		for (int i = 0; i < 50; i++) {
			stream.emitted("token");
		}
		stream.emitted("done");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(3);
		stream.complete();
		stream.emitted("late");
		run.stop();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("stream.emit", 2)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("stream.emit token")
				.hasLowCardinalityKeyValue("event_type", "token")
				.hasHighCardinalityKeyValue("count", "50")
				.hasParentObservationEqualTo(run))
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("stream.emit done")
				.hasHighCardinalityKeyValue("count", "1"));
	}

	@Test
	void failedStreamMarksItsSpansAsErrors() {
		AgentStream stream = this.observations.startStream();
		stream.emitted("token");
		IOException failure = new IOException("client went away");
		stream.fail(failure);
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().assertThatError().isSameAs(failure);
	}

	@Test
	void perEventSpansAreOptIn() {
		AgentObservations perEvent = new AgentObservations(this.registry, LlmPricing.of(Map.of()),
				new MicrometerAgentTracer(Tracer.NOOP), AgentObservations.Conventions.defaults(), true);
		AgentStream stream = perEvent.startStream();
		stream.emitted("token");
		stream.emitted("token");
		stream.emitted("token");
		stream.complete();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("stream.emit", 3)
			.forAllObservationsWithNameEqualTo("stream.emit",
					(observation) -> observation.hasHighCardinalityKeyValue("count", "1"));
	}

}
