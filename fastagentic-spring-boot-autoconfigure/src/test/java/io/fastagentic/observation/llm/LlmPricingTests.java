package io.fastagentic.observation.llm;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LlmPricing}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmPricingTests {

	private final LlmPricing pricing = LlmPricing.of(LlmPricing.defaults());

	@Test
	void exactModelIsPricedExactly() {
		// 150 * 2.50 / 1M + 200 * 10.00 / 1M = 0.000375 + 0.002 = 0.002375
		assertThat(this.pricing.cost("gpt-4o", 150, 200, 0)).isEqualByComparingTo("0.002375");
		assertThat(this.pricing.cost("gpt-4o", 150, 200, 0).toPlainString()).isEqualTo("0.002375");
	}

	@Test
	void datedModelIsPricedByTheLongestPrefix() {
		assertThat(this.pricing.find("gpt-4o-mini-2024-07-18"))
			.hasValueSatisfying((price) -> assertThat(price.input()).isEqualByComparingTo("0.15"));
		assertThat(this.pricing.find("gpt-4o-2024-08-06"))
			.hasValueSatisfying((price) -> assertThat(price.input()).isEqualByComparingTo("2.50"));
		assertThat(this.pricing.find("gpt-4.1-mini-2025-04-14"))
			.hasValueSatisfying((price) -> assertThat(price.input()).isEqualByComparingTo("0.40"));
	}

	@Test
	void seedModelGpt4IsPriced() {
		// 150 * 30 / 1M + 200 * 60 / 1M = 0.0045 + 0.012
		assertThat(this.pricing.cost("gpt-4", 150, 200, 0)).isEqualByComparingTo("0.0165");
	}

	@Test
	void cachedPromptTokensUseTheCachedPrice() {
		// 100 uncached * 2.50 + 900 cached * 1.25 + 10 * 10.00, per million
		assertThat(this.pricing.cost("gpt-4o", 1000, 10, 900)).isEqualByComparingTo("0.0014750");
	}

	@Test
	void cachedTokensWithoutACachedPriceAreChargedAsInput() {
		LlmPricing table = LlmPricing
			.of(Map.of("m", new LlmPricing.Price(new BigDecimal("1"), new BigDecimal("2"), null)));
		assertThat(table.cost("m", 1_000_000, 0, 500_000)).isEqualByComparingTo("1");
	}

	@Test
	void arithmeticIsExact() {
		LlmPricing table = LlmPricing
			.of(Map.of("m", new LlmPricing.Price(new BigDecimal("0.1"), new BigDecimal("0.2"), null)));
		assertThat(table.cost("m", 3, 3, 0).toPlainString()).isEqualTo("0.0000009");
	}

	@Test
	void unknownModelHasNoCostAndOneDebugLine(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(LlmPricing.class.getName(), LogLevel.DEBUG);
		try {
			assertThat(this.pricing.cost("my-private-model", 10, 10, 0)).isNull();
			assertThat(this.pricing.cost("my-private-model", 10, 10, 0)).isNull();
			assertThat(this.pricing.find("my-private-model")).isEmpty();
		}
		finally {
			logging.setLogLevel(LlmPricing.class.getName(), null);
		}
		assertThat(output).containsOnlyOnce("No price for LLM model 'my-private-model'");
	}

	@Test
	void priceNeedsInputAndOutput() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LlmPricing.Price(null, BigDecimal.ONE, null))
			.withMessageContaining("'input' and 'output'");
	}

}
