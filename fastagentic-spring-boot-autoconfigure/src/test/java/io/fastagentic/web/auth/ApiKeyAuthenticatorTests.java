package io.fastagentic.web.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default {@link AgentAuthenticator}s: {@link ApiKeyAuthenticator},
 * {@link AnonymousAuthenticator} and {@link SpringSecurityAuthenticator}.
 */
class ApiKeyAuthenticatorTests {

	private static final String CHALLENGE = "Bearer realm=\"fastagentic\"";

	private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(Map.of("k1", "alice", "k2", "bob"));

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void bearerKeyAuthenticatesItsUser() {
		this.request.addHeader("Authorization", "Bearer k1");
		assertThat(this.authenticator.authenticate(this.request)).isEqualTo(
				new AuthenticationResult(AuthenticationResult.Outcome.AUTHENTICATED, "alice", "api_key", null, null));
	}

	@Test
	void bearerSchemeIsCaseInsensitive() {
		this.request.addHeader("Authorization", "bEARER k2");
		AuthenticationResult result = this.authenticator.authenticate(this.request);
		assertThat(result.outcome()).isEqualTo(AuthenticationResult.Outcome.AUTHENTICATED);
		assertThat(result.userId()).isEqualTo("bob");
	}

	@Test
	void apiKeyHeaderAuthenticatesItsUser() {
		this.request.addHeader("X-API-Key", "k2");
		AuthenticationResult result = this.authenticator.authenticate(this.request);
		assertThat(result.outcome()).isEqualTo(AuthenticationResult.Outcome.AUTHENTICATED);
		assertThat(result.userId()).isEqualTo("bob");
		assertThat(result.method()).isEqualTo("api_key");
		assertThat(result.isAllowed()).isTrue();
	}

	@Test
	void keyIsTrimmed() {
		this.request.addHeader("Authorization", "Bearer   k1  ");
		assertThat(this.authenticator.authenticate(this.request).userId()).isEqualTo("alice");
	}

	@Test
	void otherAuthorizationSchemeFallsBackToApiKeyHeader() {
		this.request.addHeader("Authorization", "Basic YWxpY2U6c2VjcmV0");
		this.request.addHeader("X-API-Key", "k1");
		assertThat(this.authenticator.authenticate(this.request).userId()).isEqualTo("alice");
	}

	@Test
	void missingKeyIsRejectedWithBearerChallenge() {
		AuthenticationResult result = this.authenticator.authenticate(this.request);
		assertThat(result.isAllowed()).isFalse();
		assertThat(result.outcome()).isEqualTo(AuthenticationResult.Outcome.REJECTED);
		assertThat(result.outcome().value()).isEqualTo("rejected");
		assertThat(result.challenge()).isEqualTo(CHALLENGE);
		assertThat(result.reason())
			.isEqualTo("An API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
		assertThat(result.userId()).isEqualTo("anonymous");
		assertThat(result.method()).isEqualTo("api_key");
	}

	@Test
	void wrongKeyIsRejectedWithInvalidTokenChallenge() {
		this.request.addHeader("Authorization", "Bearer not-a-key");
		AuthenticationResult result = this.authenticator.authenticate(this.request);
		assertThat(result.isAllowed()).isFalse();
		assertThat(result.challenge()).isEqualTo(CHALLENGE + ", error=\"invalid_token\"");
		assertThat(result.reason()).isEqualTo("The API key is not valid");
		assertThat(result.userId()).isEqualTo("anonymous");
	}

	@Test
	void wrongApiKeyHeaderIsRejectedWithInvalidTokenChallenge() {
		this.request.addHeader("X-API-Key", "K1");
		assertThat(this.authenticator.authenticate(this.request).challenge())
			.isEqualTo(CHALLENGE + ", error=\"invalid_token\"");
	}

	@Test
	void emptyBearerTokenIsRejectedAsMissing() {
		for (String authorization : List.of("Bearer ", "Bearer    ")) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
			request.addHeader("Authorization", authorization);
			AuthenticationResult result = this.authenticator.authenticate(request);
			assertThat(result.isAllowed()).isFalse();
			assertThat(result.challenge()).isEqualTo(CHALLENGE);
			assertThat(result.reason()).startsWith("An API key is required");
		}
	}

	@Test
	void blankApiKeyHeaderIsRejectedAsMissing() {
		this.request.addHeader("X-API-Key", "  ");
		assertThat(this.authenticator.authenticate(this.request).challenge()).isEqualTo(CHALLENGE);
	}

	@Test
	void anonymousAuthenticatorLetsEveryoneInAsAnonymous() {
		this.request.addHeader("Authorization", "Bearer anything");
		AuthenticationResult result = new AnonymousAuthenticator().authenticate(this.request);
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.outcome().value()).isEqualTo("anonymous");
		assertThat(result.userId()).isEqualTo("anonymous");
		assertThat(result.method()).isEqualTo("none");
		assertThat(result.challenge()).isNull();
	}

	@Test
	void springSecurityAuthenticatorReportsTheAuthenticatedUser() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("carol", null,
					AuthorityUtils.createAuthorityList("ROLE_USER")));
		AuthenticationResult result = new SpringSecurityAuthenticator().authenticate(this.request);
		assertThat(result).isEqualTo(AuthenticationResult.authenticated("carol", "spring_security"));
		assertThat(result.outcome().value()).isEqualTo("authenticated");
	}

	@Test
	void springSecurityAuthenticatorReportsAnonymousTokenAsAnonymous() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		AuthenticationResult result = new SpringSecurityAuthenticator().authenticate(this.request);
		assertThat(result).isEqualTo(AuthenticationResult.anonymous("spring_security"));
		assertThat(result.userId()).isEqualTo("anonymous");
		assertThat(result.isAllowed()).isTrue();
	}

	@Test
	void springSecurityAuthenticatorReportsNoAuthenticationAsAnonymous() {
		AuthenticationResult result = new SpringSecurityAuthenticator().authenticate(this.request);
		assertThat(result).isEqualTo(AuthenticationResult.anonymous("spring_security"));
	}

	@Test
	void springSecurityAuthenticatorReportsUnauthenticatedTokenAsAnonymous() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess"));
		AuthenticationResult result = new SpringSecurityAuthenticator().authenticate(this.request);
		assertThat(result.userId()).isEqualTo("anonymous");
		assertThat(result.outcome()).isEqualTo(AuthenticationResult.Outcome.ANONYMOUS);
	}

}
