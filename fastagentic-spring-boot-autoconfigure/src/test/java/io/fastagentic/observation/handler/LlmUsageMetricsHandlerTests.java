package io.fastagentic.observation.handler;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.fastagentic.observation.llm.LlmCall;
import io.fastagentic.observation.llm.LlmPricing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LlmUsageMetricsHandler}.
 */
class LlmUsageMetricsHandlerTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final LlmPricing pricing = LlmPricing
		.of(Map.of("gpt-4o-mini", new LlmPricing.Price(new BigDecimal("0.15"), new BigDecimal("0.60"), null)));

	LlmUsageMetricsHandlerTests() {
		this.registry.observationConfig()
			.observationHandler(new LlmUsageMetricsHandler(this.meters, new ObservationAdapters(List.of())));
	}

	@Test
	void everyCallAddsToTheSameMeters() {
		call("gpt-4o-mini", 72, 41);
		call("gpt-4o-mini", 28, 9);
		assertThat(this.meters.get("fastagentic.llm.tokens")
			.tag("model", "gpt-4o-mini")
			.tag("type", "prompt")
			.counter()
			.count()).isEqualTo(100);
		assertThat(this.meters.get("fastagentic.llm.tokens").tag("type", "completion").counter().count()).isEqualTo(50);
		assertThat(this.meters.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.provider.name", "openai")
			.tag("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
			.tag("model", "gpt-4o-mini")
			.counter()
			.count()).isEqualTo(100);
		assertThat(this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "total").counter().count())
			.isEqualTo(150);
		assertThat(this.meters.get("fastagentic.llm.cost").tag("model", "gpt-4o-mini").counter().count())
			.isCloseTo(0.000045, within(1e-12));
	}

	@Test
	void modelWithoutPriceHasNoCostMeter() {
		call("my-finetune", 10, 5);
		assertThat(this.meters.find("fastagentic.llm.cost").counter()).isNull();
		assertThat(this.meters.get("fastagentic.llm.tokens")
			.tag("model", "my-finetune")
			.tag("type", "prompt")
			.counter()
			.count()).isEqualTo(10);
	}

	@Test
	void callWithoutUsageRecordsNoTokens() {
		LlmCall.start(this.registry, null, this.pricing, "openai", "gpt-4o-mini").end();
		assertThat(this.meters.find("fastagentic.llm.tokens").counters()).isEmpty();
	}

	private void call(String model, long prompt, long completion) {
		LlmCall.start(this.registry, null, this.pricing, "openai", model)
			.usage(prompt, completion)
			.responseModel(model.equals("gpt-4o-mini") ? "gpt-4o-mini-2024-07-18" : model)
			.end();
	}

}
