package io.fastagentic.autoconfigure.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.web.AgentEndpointRegistry;
import io.fastagentic.web.AgentServerRequestObservationConvention;
import io.fastagentic.web.AuthValidateFilter;
import io.fastagentic.web.ExcludedPathsObservationPredicate;
import io.fastagentic.web.PolicyCheckFilter;
import io.fastagentic.web.auth.AgentAuthenticator;
import io.fastagentic.web.auth.AnonymousAuthenticator;
import io.fastagentic.web.auth.ApiKeyAuthenticator;
import io.fastagentic.web.auth.AuthenticationResult;
import io.fastagentic.web.auth.SpringSecurityAuthenticator;
import io.fastagentic.web.policy.AgentPolicy;
import io.fastagentic.web.policy.AllowAllPolicy;
import io.fastagentic.web.policy.PolicyDecision;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticWebAutoConfiguration}.
 */
class FastAgenticWebAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ObservationAutoConfiguration.class, FastAgenticWebAutoConfiguration.class));

	@Test
	void servletApplicationGetsTheAgentRequestPath() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AgentServerRequestObservationConvention.class)
				.hasSingleBean(ExcludedPathsObservationPredicate.class)
				.hasSingleBean(AgentEndpointRegistry.class)
				.hasSingleBean(AgentPolicy.class)
				.hasSingleBean(AgentAuthenticator.class);
			assertThat(context.getBean(AgentPolicy.class)).isInstanceOf(AllowAllPolicy.class);
			assertThat(context.getBean(AgentServerRequestObservationConvention.class).getName())
				.isEqualTo("http.server.requests");
		});
	}

	@Test
	void filtersAreRegisteredAfterTheObservationFilterAndInOrder() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> authValidate = context.getBean("fastAgenticAuthValidateFilter",
					FilterRegistrationBean.class);
			FilterRegistrationBean<?> policyCheck = context.getBean("fastAgenticPolicyCheckFilter",
					FilterRegistrationBean.class);
			assertThat(authValidate.getFilter()).isInstanceOf(AuthValidateFilter.class);
			assertThat(authValidate.getOrder()).isEqualTo(-50);
			assertThat(policyCheck.getFilter()).isInstanceOf(PolicyCheckFilter.class);
			assertThat(policyCheck.getOrder()).isEqualTo(-49);
			assertThat(FastAgenticWebAutoConfiguration.AUTH_VALIDATE_FILTER_ORDER).isEqualTo(-50);
			assertThat(FastAgenticWebAutoConfiguration.POLICY_CHECK_FILTER_ORDER).isEqualTo(-49);
			assertThat(authValidate.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
			assertThat(policyCheck.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
		});
	}

	@Test
	void metricNameFollowsBootsObservationProperty() {
		this.contextRunner.withPropertyValues("management.observations.http.server.requests.name=agent.http")
			.run((context) -> assertThat(context.getBean(AgentServerRequestObservationConvention.class).getName())
				.isEqualTo("agent.http"));
	}

	@Test
	void authenticatorIsSpringSecurityWhenItIsOnTheClasspath() {
		this.contextRunner.run((context) -> assertThat(context.getBean(AgentAuthenticator.class))
			.isInstanceOf(SpringSecurityAuthenticator.class));
	}

	@Test
	void authenticatorChecksConfiguredApiKeysWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("fastagentic.auth.api-keys=alice:k1")
			.run((context) -> {
				AgentAuthenticator authenticator = context.getBean(AgentAuthenticator.class);
				assertThat(authenticator).isInstanceOf(ApiKeyAuthenticator.class);
				assertThat(authenticator.authenticate(requestWithKey("k1")))
					.isEqualTo(AuthenticationResult.authenticated("alice", "api_key"));
				assertThat(authenticator.authenticate(new MockHttpServletRequest("POST", "/chat")).isAllowed())
					.isFalse();
			});
	}

	@Test
	void apiKeysCanBeListedAsIndexedValues() {
		this.contextRunner
			.withPropertyValues("fastagentic.auth.api-keys[0]=alice:k1", "fastagentic.auth.api-keys[1]=bob:k:2")
			.run((context) -> {
				AgentAuthenticator authenticator = context.getBean(AgentAuthenticator.class);
				assertThat(authenticator.authenticate(requestWithKey("k1")).userId()).isEqualTo("alice");
				assertThat(authenticator.authenticate(requestWithKey("k:2")).userId()).isEqualTo("bob");
			});
	}

	@Test
	void keyInAPropertyNameFailsStartupWithoutShowingTheKey() {
		this.contextRunner.withPropertyValues("fastagentic.auth.api-keys.sk-live-123=alice")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("An API key is configured as a property name")
				.hasStackTraceContaining("FASTAGENTIC_AUTH_API_KEYS=alice:sk-alice-1,bob:sk-bob-2")
				.satisfies((failure) -> assertThat(stackTrace(failure)).doesNotContain("sk-live-123")));
	}

	@Test
	void entryWithoutUserOrKeyFailsStartupNamingItsPosition() {
		this.contextRunner.withPropertyValues("fastagentic.auth.api-keys=alice:k1,sk-no-user")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("fastagentic.auth.api-keys[1] (FASTAGENTIC_AUTH_API_KEYS entry 2) must be "
						+ "'<user-id>:<key>'")
				.satisfies((failure) -> assertThat(stackTrace(failure)).doesNotContain("sk-no-user")));
	}

	@Test
	void actuatorMasksApiKeysInEveryNameForm() {
		this.contextRunner.run((context) -> {
			SanitizingFunction sanitizing = context.getBean("fastAgenticApiKeysSanitizingFunction",
					SanitizingFunction.class);
			for (String key : List.of("fastagentic.auth.api-keys", "fastagentic.auth.api-keys[0]",
					"FASTAGENTIC_AUTH_API_KEYS", "fastagentic.auth.apiKeys")) {
				assertThat(sanitizing.applyUnlessFiltered(new SanitizableData(null, key, "alice:sk-1")).getValue())
					.as(key)
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
			}
			assertThat(sanitizing.applyUnlessFiltered(new SanitizableData(null, "fastagentic.auth.enabled", "x"))
				.getValue()).isEqualTo("x");
		});
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	@Test
	void authenticatorIsAnonymousWithoutSpringSecurityOrApiKeys() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context.getBean(AgentAuthenticator.class))
				.isInstanceOf(AnonymousAuthenticator.class));
	}

	@Test
	void configuredApiKeysAreEnforcedEvenWithSpringSecurityOnTheClasspath() {
		this.contextRunner.withPropertyValues("fastagentic.auth.api-keys=alice:k1").run((context) -> {
			AgentAuthenticator authenticator = context.getBean(AgentAuthenticator.class);
			assertThat(authenticator.authenticate(new MockHttpServletRequest("POST", "/chat")).isAllowed()).isFalse();
		});
	}

	@Test
	void authenticatorBacksOffWhenUserDefinesOne() {
		AgentAuthenticator authenticator = (request) -> AuthenticationResult.authenticated("svc", "mtls");
		this.contextRunner.withBean(AgentAuthenticator.class, () -> authenticator)
			.run((context) -> assertThat(context).getBean(AgentAuthenticator.class).isSameAs(authenticator));
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("fastagentic.auth.api-keys=alice:k1")
			.withBean(AgentAuthenticator.class, () -> authenticator)
			.run((context) -> assertThat(context).getBean(AgentAuthenticator.class).isSameAs(authenticator));
	}

	@Test
	void policyBacksOffWhenUserDefinesOne() {
		AgentPolicy policy = new AgentPolicy() {

			@Override
			public String name() {
				return "tenant-quota";
			}

			@Override
			public PolicyDecision check(AuthenticationResult caller, AgentEndpointInfo endpoint,
					HttpServletRequest request) {
				return PolicyDecision.deny("quota exceeded");
			}

		};
		this.contextRunner.withBean(AgentPolicy.class, () -> policy)
			.run((context) -> assertThat(context).getBean(AgentPolicy.class).isSameAs(policy));
	}

	@Test
	void serverRequestConventionBacksOffWhenUserDefinesOne() {
		DefaultServerRequestObservationConvention convention = new DefaultServerRequestObservationConvention();
		this.contextRunner.withBean(ServerRequestObservationConvention.class, () -> convention).run((context) -> {
			assertThat(context).doesNotHaveBean(AgentServerRequestObservationConvention.class);
			assertThat(context).getBean(ServerRequestObservationConvention.class).isSameAs(convention);
		});
	}

	@Test
	void filtersBackOffWhenUserRegistersThem() {
		this.contextRunner.withUserConfiguration(UserAuthValidateFilterConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean("fastAgenticAuthValidateFilter")
				.hasBean("fastAgenticPolicyCheckFilter"));
	}

	@Test
	void actuatorRequestsAreNotObserved() {
		this.contextRunner.withBean(ObservationHandler.class, RecordingHandler::new).run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			assertThat(observe(registry, "/actuator/health").isNoop()).isTrue();
			assertThat(observe(registry, "/chat").isNoop()).isFalse();
		});
	}

	@Test
	void excludedPathsFollowTheProperty() {
		this.contextRunner.withBean(ObservationHandler.class, RecordingHandler::new)
			.withPropertyValues("fastagentic.web.exclude-paths=/internal/**")
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				assertThat(observe(registry, "/internal/ping").isNoop()).isTrue();
				assertThat(observe(registry, "/actuator/health").isNoop()).isFalse();
			});
	}

	@Test
	void nonWebApplicationGetsNoneOfIt() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ObservationAutoConfiguration.class, FastAgenticWebAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ObservationRegistry.class)
				.doesNotHaveBean(AgentServerRequestObservationConvention.class)
				.doesNotHaveBean(ExcludedPathsObservationPredicate.class)
				.doesNotHaveBean(AgentEndpointRegistry.class)
				.doesNotHaveBean(AgentPolicy.class)
				.doesNotHaveBean(AgentAuthenticator.class)
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(FastAgenticWebProperties.class));
	}

	@Test
	void backsOffWithoutObservationRegistry() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FastAgenticWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentEndpointRegistry.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	private static Observation observe(ObservationRegistry registry, String uri) {
		ServerRequestObservationContext context = new ServerRequestObservationContext(
				new MockHttpServletRequest("GET", uri), new MockHttpServletResponse());
		return Observation.createNotStarted("http.server.requests", () -> context, registry);
	}

	private static MockHttpServletRequest requestWithKey(String key) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
		request.addHeader("Authorization", "Bearer " + key);
		return request;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserAuthValidateFilterConfiguration {

		@Bean
		FilterRegistrationBean<AuthValidateFilter> userAuthValidateFilter() {
			return new FilterRegistrationBean<>(new AuthValidateFilter(new AgentEndpointRegistry(),
					new AnonymousAuthenticator(), ObservationRegistry.NOOP, null));
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
