package io.fastagentic.observation.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * LLM prices in USD per million tokens, and the exact cost of a call. A model is priced
 * by its exact name, else by the longest priced name that prefixes it, so a dated model
 * such as {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}, not
 * {@code gpt-4o}. A model without a price has no cost (not zero).
 *
 * @author FastAgentic
 */
public final class LlmPricing {

	private static final Log logger = LogFactory.getLog(LlmPricing.class);

	private static final String DEFAULTS = "default-pricing.properties";

	private static final int MAX_CACHED_MODELS = 1024;

	private final Map<String, Price> prices;

	private final List<String> namesLongestFirst;

	private final Map<String, Optional<Price>> resolved = new ConcurrentHashMap<>();

	private LlmPricing(Map<String, Price> prices) {
		this.prices = Map.copyOf(prices);
		this.namesLongestFirst = prices.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
	}

	/**
	 * A pricing table.
	 * @param prices prices by model name
	 * @return the table
	 */
	public static LlmPricing of(Map<String, Price> prices) {
		return new LlmPricing(prices);
	}

	/**
	 * The built-in list prices of current common models.
	 * @return prices by model name
	 */
	public static Map<String, Price> defaults() {
		Properties properties = new Properties();
		try (InputStream input = LlmPricing.class.getResourceAsStream(DEFAULTS)) {
			if (input == null) {
				throw new IllegalStateException("Missing " + DEFAULTS + " next to " + LlmPricing.class.getName());
			}
			properties.load(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Map<String, BigDecimal>> byModel = new LinkedHashMap<>();
		for (String key : properties.stringPropertyNames()) {
			int dot = key.lastIndexOf('.');
			byModel.computeIfAbsent(key.substring(0, dot), (model) -> new LinkedHashMap<>())
				.put(key.substring(dot + 1), new BigDecimal(properties.getProperty(key).trim()));
		}
		Map<String, Price> prices = new LinkedHashMap<>();
		byModel.forEach((model, values) -> prices.put(model,
				new Price(values.get("input"), values.get("output"), values.get("cached-input"))));
		return prices;
	}

	/**
	 * The price of a model.
	 * @param model the model name
	 * @return the price, by exact name or longest prefix
	 */
	public Optional<Price> find(String model) {
		Optional<Price> cached = this.resolved.get(model);
		if (cached != null) {
			return cached;
		}
		Optional<Price> price = lookup(model);
		if (this.resolved.size() < MAX_CACHED_MODELS) {
			this.resolved.put(model, price);
		}
		if (price.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("No price for LLM model '" + model + "': its calls get no cost. Add one with "
					+ "fastagentic.llm.pricing[" + model + "].input and .output (USD per million tokens).");
		}
		return price;
	}

	private Optional<Price> lookup(String model) {
		Price exact = this.prices.get(model);
		if (exact != null) {
			return Optional.of(exact);
		}
		for (String name : this.namesLongestFirst) {
			if (model.startsWith(name)) {
				return Optional.of(this.prices.get(name));
			}
		}
		return Optional.empty();
	}

	/**
	 * The cost of a call, exact.
	 * @param model the model name
	 * @param promptTokens input tokens, cached ones included
	 * @param completionTokens output tokens
	 * @param cachedPromptTokens input tokens served from the provider's cache
	 * @return the cost in USD, or {@code null} when the model has no price
	 */
	public @Nullable BigDecimal cost(String model, long promptTokens, long completionTokens, long cachedPromptTokens) {
		return find(model).map((price) -> price.cost(promptTokens, completionTokens, cachedPromptTokens)).orElse(null);
	}

	/**
	 * The cost of a call, priced as the model that answered (the requested one until the
	 * provider reports it).
	 * @param call the call
	 * @return the cost in USD, or {@code null} when the usage or the model's price is
	 * unknown
	 */
	public @Nullable BigDecimal cost(LlmCallDetails call) {
		Long promptTokens = call.getPromptTokens();
		Long completionTokens = call.getCompletionTokens();
		if (promptTokens == null || completionTokens == null) {
			return null;
		}
		String responseModel = call.getResponseModel();
		return cost((responseModel != null) ? responseModel : call.getRequestModel(), promptTokens, completionTokens,
				call.getCachedPromptTokens());
	}

	/**
	 * Prices of one model in USD per million tokens.
	 *
	 * @param input price of an input token
	 * @param output price of an output token
	 * @param cachedInput price of a cached input token, or {@code null} to charge cached
	 * tokens as input tokens
	 */
	public record Price(BigDecimal input, BigDecimal output, @Nullable BigDecimal cachedInput) {

		/**
		 * Check the prices.
		 */
		public Price {
			if (input == null || output == null) {
				throw new IllegalArgumentException(
						"An LLM price needs both 'input' and 'output' (USD per million tokens)");
			}
		}

		BigDecimal cost(long promptTokens, long completionTokens, long cachedPromptTokens) {
			long cached = Math.min(Math.max(cachedPromptTokens, 0), promptTokens);
			BigDecimal cachedPrice = (this.cachedInput != null) ? this.cachedInput : this.input;
			BigDecimal perMillion = this.input.multiply(BigDecimal.valueOf(promptTokens - cached))
				.add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
				.add(this.output.multiply(BigDecimal.valueOf(completionTokens)));
			return perMillion.movePointLeft(6).stripTrailingZeros();
		}

	}

}
