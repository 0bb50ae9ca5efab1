package io.fastagentic.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The configured API keys, read from {@code fastagentic.auth.api-keys} entries of the
 * form {@code <user-id>:<key>}. Keys are property values, never property names, so that
 * Actuator's {@code env} and {@code configprops} endpoints mask them like any other
 * value.
 *
 * @author FastAgentic
 */
final class ApiKeys {

	static final String PROPERTY = "fastagentic.auth.api-keys";

	private static final ConfigurationPropertyName NAME = ConfigurationPropertyName.of(PROPERTY);

	private static final String NORMALIZED_PROPERTY = normalize(PROPERTY);

	private ApiKeys() {
	}

	/**
	 * User ids by key.
	 * @param entries the configured entries
	 * @param environment where to look for the retired form
	 * @return the keys, in order
	 */
	static Map<String, String> userIdsByKey(List<String> entries, Environment environment) {
		rejectKeysInPropertyNames(environment);
		Map<String, String> userIdsByKey = new LinkedHashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			String entry = entries.get(i);
			int colon = entry.indexOf(':');
			String userId = (colon > 0) ? entry.substring(0, colon).trim() : "";
			String key = (colon > 0) ? entry.substring(colon + 1).trim() : "";
			if (userId.isEmpty() || key.isEmpty()) {
				// The entry holds a key: name its position, never its text.
				throw new IllegalArgumentException(("%s[%d] (FASTAGENTIC_AUTH_API_KEYS entry %d) must be "
						+ "'<user-id>:<key>', for example FASTAGENTIC_AUTH_API_KEYS=alice:sk-alice-1,bob:sk-bob-2")
					.formatted(PROPERTY, i, i + 1));
			}
			userIdsByKey.put(key, userId);
		}
		return userIdsByKey;
	}

	/**
	 * The retired form {@code fastagentic.auth.api-keys.<key>=<user-id>} put keys into
	 * property names, where Actuator shows them; binding it as a list would silently
	 * leave the endpoints open.
	 */
	private static void rejectKeysInPropertyNames(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable
					&& iterable.filter(ApiKeys::isKeyInName).iterator().hasNext()) {
				throw new IllegalArgumentException(("An API key is configured as a property name (%s.<key>=<user-id>), "
						+ "which /actuator/env and /actuator/configprops show. Move every key into a value: "
						+ "%s=<user-id>:<key>,... (for example FASTAGENTIC_AUTH_API_KEYS=alice:sk-alice-1,bob:sk-bob-2)")
					.formatted(PROPERTY, PROPERTY));
			}
		}
	}

	private static boolean isKeyInName(ConfigurationPropertyName name) {
		return NAME.isAncestorOf(name) && !name.isNumericIndex(NAME.getNumberOfElements());
	}

	/**
	 * Whether a property or environment variable name, in any of its forms, holds API
	 * keys.
	 * @param key the name, as Actuator reports it
	 * @return whether its value is an API key
	 */
	static boolean isApiKeyProperty(String key) {
		return normalize(key).startsWith(NORMALIZED_PROPERTY);
	}

	private static String normalize(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
	}

}
