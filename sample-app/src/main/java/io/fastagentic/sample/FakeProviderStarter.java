package io.fastagentic.sample;

import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the in-process {@link FakeProviderServer} the provider of an application that
 * names none: starts it, sets {@code sample.provider.base-url} to its address and
 * {@code sample.provider.api-key} to a dummy key, registers it as the
 * {@code fakeProviderServer} bean, and stops it when the context closes.
 * <p>
 * Spring AI takes its base URL and API key from the {@code spring.ai.openai.*} properties
 * when it builds its OpenAI model, and {@code application.yml} derives those from
 * {@code sample.provider.*}, so the server's random port must be known before any bean is
 * created. A bean factory post-processor runs exactly then: after the configuration is
 * read, before the first bean. It also belongs to this application's context alone, where
 * an {@code EnvironmentPostProcessor} or an {@code ApplicationContextInitializer}
 * registered in {@code META-INF/spring.factories} would run for every application that
 * has the sample on its class path (the benchmarks do), and it leaves Spring AI's own
 * auto-configuration in charge of the model, unlike a {@code ChatModel} bean of our own.
 */
final class FakeProviderStarter implements BeanFactoryPostProcessor, DisposableBean {

	private static final String PROPERTY_SOURCE_NAME = "fakeProvider";

	private final FakeProviderServer server = new FakeProviderServer();

	private final ConfigurableEnvironment environment;

	FakeProviderStarter(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		this.server.start();
		beanFactory.registerSingleton("fakeProviderServer", this.server);
		// Last: consulted only for what no other source sets.
		this.environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("sample.provider.base-url",
					this.server.baseUri().toString(), "sample.provider.api-key", "fake-provider-key")));
	}

	@Override
	public void destroy() {
		this.server.stop();
	}

}
