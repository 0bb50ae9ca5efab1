package io.fastagentic.autoconfigure.web;

import java.util.Map;

import io.fastagentic.web.AgentEndpointRegistry;
import io.fastagentic.web.AgentServerRequestObservationConvention;
import io.fastagentic.web.AuthValidateFilter;
import io.fastagentic.web.ExcludedPathsObservationPredicate;
import io.fastagentic.web.PolicyCheckFilter;
import io.fastagentic.web.auth.AgentAuthenticator;
import io.fastagentic.web.auth.AnonymousAuthenticator;
import io.fastagentic.web.auth.ApiKeyAuthenticator;
import io.fastagentic.web.auth.AuthObservationConvention;
import io.fastagentic.web.auth.SpringSecurityAuthenticator;
import io.fastagentic.web.policy.AgentPolicy;
import io.fastagentic.web.policy.AllowAllPolicy;
import io.fastagentic.web.policy.PolicyObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the HTTP side of agent requests: the server span's name and keys,
 * the excluded paths, and the {@code auth.validate} and {@code policy.check} filters.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class, before = WebMvcObservationAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ObservationRegistry.class, ObservationProperties.class, Tracer.class })
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties({ FastAgenticWebProperties.class, ObservationProperties.class })
public final class FastAgenticWebAutoConfiguration {

	/**
	 * Order of the {@code auth.validate} filter: after Spring's server observation filter
	 * (so its span is a child of the HTTP span) and after Spring Security's filter chain
	 * (so its outcome is known).
	 */
	public static final int AUTH_VALIDATE_FILTER_ORDER = -50;

	/**
	 * Order of the {@code policy.check} filter: right after {@code auth.validate}.
	 */
	public static final int POLICY_CHECK_FILTER_ORDER = AUTH_VALIDATE_FILTER_ORDER + 1;

	private static final String SPRING_SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

	FastAgenticWebAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(ServerRequestObservationConvention.class)
	AgentServerRequestObservationConvention agentServerRequestObservationConvention(
			ObservationProperties observationProperties) {
		return new AgentServerRequestObservationConvention(
				observationProperties.getHttp().getServer().getRequests().getName());
	}

	@Bean
	@ConditionalOnMissingBean
	ExcludedPathsObservationPredicate excludedPathsObservationPredicate(FastAgenticWebProperties properties) {
		return new ExcludedPathsObservationPredicate(properties.getWeb().getExcludePaths());
	}

	@Bean
	@ConditionalOnMissingBean
	AgentEndpointRegistry agentEndpointRegistry() {
		return new AgentEndpointRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	AgentPolicy agentPolicy() {
		return new AllowAllPolicy();
	}

	@Bean
	@ConditionalOnMissingFilterBean(AuthValidateFilter.class)
	FilterRegistrationBean<AuthValidateFilter> fastAgenticAuthValidateFilter(AgentEndpointRegistry endpoints,
			AgentAuthenticator authenticator, ObservationRegistry registry,
			ObjectProvider<AuthObservationConvention> convention) {
		AuthValidateFilter filter = new AuthValidateFilter(endpoints, authenticator, registry,
				convention.getIfAvailable());
		FilterRegistrationBean<AuthValidateFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(AUTH_VALIDATE_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingFilterBean(PolicyCheckFilter.class)
	FilterRegistrationBean<PolicyCheckFilter> fastAgenticPolicyCheckFilter(AgentPolicy policy,
			ObservationRegistry registry, ObjectProvider<PolicyObservationConvention> convention) {
		PolicyCheckFilter filter = new PolicyCheckFilter(policy, registry, convention.getIfAvailable());
		FilterRegistrationBean<PolicyCheckFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(POLICY_CHECK_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Configured API keys win; otherwise Spring Security's outcome when it is present;
	 * otherwise anonymous callers.
	 */
	@Bean
	@ConditionalOnMissingBean
	AgentAuthenticator agentAuthenticator(FastAgenticWebProperties properties, ResourceLoader resourceLoader,
			Environment environment) {
		Map<String, String> apiKeys = ApiKeys.userIdsByKey(properties.getAuth().getApiKeys(), environment);
		if (!apiKeys.isEmpty()) {
			return new ApiKeyAuthenticator(apiKeys);
		}
		if (ClassUtils.isPresent(SPRING_SECURITY_CONTEXT, resourceLoader.getClassLoader())) {
			return new SpringSecurityAuthenticator();
		}
		return new AnonymousAuthenticator();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ApiKeysSanitizingConfiguration {

		@Bean
		SanitizingFunction fastAgenticApiKeysSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(ApiKeys::isApiKeyProperty);
		}

	}

}
