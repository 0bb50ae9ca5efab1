package io.fastagentic.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Authenticates callers by API key, sent as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}. Keys are held only as SHA-256 digests, so a key never sits in
 * memory in clear after startup, and a lookup compares digests, not keys.
 *
 * @author FastAgentic
 */
public class ApiKeyAuthenticator implements AgentAuthenticator {

	/**
	 * Header carrying the key, as an alternative to {@code Authorization}.
	 */
	public static final String API_KEY_HEADER = "X-API-Key";

	static final String METHOD = "api_key";

	private static final String BEARER_PREFIX = "Bearer ";

	private static final String CHALLENGE = "Bearer realm=\"fastagentic\"";

	private final Map<String, String> userIdsByKeyDigest;

	/**
	 * Create an authenticator.
	 * @param userIdsByKey user ids by API key
	 */
	public ApiKeyAuthenticator(Map<String, String> userIdsByKey) {
		Map<String, String> digests = new HashMap<>();
		userIdsByKey.forEach((key, userId) -> digests.put(digest(key), userId));
		this.userIdsByKeyDigest = Map.copyOf(digests);
	}

	@Override
	public AuthenticationResult authenticate(HttpServletRequest request) {
		String key = presentedKey(request);
		if (key == null) {
			return AuthenticationResult.rejected(METHOD, CHALLENGE,
					"An API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
		}
		String userId = this.userIdsByKeyDigest.get(digest(key));
		if (userId == null) {
			return AuthenticationResult.rejected(METHOD, CHALLENGE + ", error=\"invalid_token\"",
					"The API key is not valid");
		}
		return AuthenticationResult.authenticated(userId, METHOD);
	}

	private static @Nullable String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
			String key = authorization.substring(BEARER_PREFIX.length()).trim();
			return StringUtils.hasText(key) ? key : null;
		}
		String key = request.getHeader(API_KEY_HEADER);
		return StringUtils.hasText(key) ? key.trim() : null;
	}

	private static String digest(String key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
