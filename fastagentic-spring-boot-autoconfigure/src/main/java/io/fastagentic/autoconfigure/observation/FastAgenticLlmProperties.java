package io.fastagentic.autoconfigure.observation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of LLM and tool call observations.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.llm")
public class FastAgenticLlmProperties {

	/**
	 * Prices by model name, in USD per million tokens; they override and extend the
	 * built-in table. Names with dots need brackets:
	 * fastagentic.llm.pricing[gpt-4.1].input.
	 */
	private Map<String, Price> pricing = new LinkedHashMap<>();

	/**
	 * Whether to export prompt, completion and tool-argument content on spans. Content
	 * may hold personal data and secrets.
	 */
	private boolean captureContent;

	/**
	 * Most characters of each content value exported when content capture is on.
	 */
	private int contentMaxLength = 1000;

	public Map<String, Price> getPricing() {
		return this.pricing;
	}

	public void setPricing(Map<String, Price> pricing) {
		this.pricing = pricing;
	}

	public boolean isCaptureContent() {
		return this.captureContent;
	}

	public void setCaptureContent(boolean captureContent) {
		this.captureContent = captureContent;
	}

	public int getContentMaxLength() {
		return this.contentMaxLength;
	}

	public void setContentMaxLength(int contentMaxLength) {
		this.contentMaxLength = contentMaxLength;
	}

	/**
	 * Prices of one model, USD per million tokens.
	 */
	public static class Price {

		/**
		 * Price of a million input tokens.
		 */
		private @Nullable BigDecimal input;

		/**
		 * Price of a million output tokens.
		 */
		private @Nullable BigDecimal output;

		/**
		 * Price of a million input tokens served from the provider's cache; input price
		 * when unset.
		 */
		private @Nullable BigDecimal cachedInput;

		public @Nullable BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

	}

}
