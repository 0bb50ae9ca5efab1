package io.fastagentic.observation.llm;

import java.math.BigDecimal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LlmUsageMetricsHandler}.
 */
class LlmUsageMetricsHandlerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final LlmUsageMetricsHandler handler = new LlmUsageMetricsHandler(this.registry);

	@Test
	void everyCallAddsToTheSameMeters() {
		this.handler.onStop(call("gpt-4o-mini", 72, 41, new BigDecimal("0.0000354")));
		this.handler.onStop(call("gpt-4o-mini", 28, 9, new BigDecimal("0.0000096")));
		assertThat(this.registry.get("fastagentic.llm.tokens")
			.tag("model", "gpt-4o-mini")
			.tag("type", "prompt")
			.counter()
			.count()).isEqualTo(100);
		assertThat(this.registry.get("fastagentic.llm.tokens").tag("type", "completion").counter().count())
			.isEqualTo(50);
		assertThat(this.registry.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.provider.name", "openai")
			.tag("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
			.summary()
			.totalAmount()).isEqualTo(100);
		assertThat(this.registry.get("fastagentic.llm.cost").tag("model", "gpt-4o-mini").counter().count())
			.isCloseTo(0.000045, within(1e-12));
	}

	@Test
	void modelWithoutPriceHasNoCostMeterUntilACallIsPriced() {
		this.handler.onStop(call("my-finetune", 10, 5, null));
		assertThat(this.registry.find("fastagentic.llm.cost").counter()).isNull();
		assertThat(this.registry.get("fastagentic.llm.tokens")
			.tag("model", "my-finetune")
			.tag("type", "prompt")
			.counter()
			.count()).isEqualTo(10);
		this.handler.onStop(call("my-finetune", 10, 5, new BigDecimal("0.001")));
		assertThat(this.registry.get("fastagentic.llm.cost").tag("model", "my-finetune").counter().count())
			.isEqualTo(0.001);
	}

	@Test
	void callWithoutUsageRecordsNothing() {
		this.handler.onStop(new LlmCallObservationContext("openai", "gpt-4o-mini"));
		assertThat(this.registry.getMeters()).isEmpty();
	}

	private static LlmCallObservationContext call(String model, long prompt, long completion, BigDecimal cost) {
		LlmCallObservationContext context = new LlmCallObservationContext("openai", model);
		context.setUsage(prompt, completion);
		context.setResponseModel(model.equals("gpt-4o-mini") ? "gpt-4o-mini-2024-07-18" : model);
		context.setCost(cost);
		return context;
	}

}
